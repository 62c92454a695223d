import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { APPLICATION_ID, GUILD, TOKEN } from '../adapters/discord/harness.ts';
import { APP_TOKEN, BOT_TOKEN } from '../adapters/slack/harness.ts';
import { FakeDiscord } from '../fakes/discord.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { freePort } from '../fakes/slack-requests.ts';
import { FakeSocketGateway } from '../fakes/slack-socket.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { spawnTwinbot, untilPrinted } from '../fixtures/twinbot-process.ts';

interface Report {
  ok: boolean;
  checks: Record<string, { ok: boolean; detail: string }>;
  failing?: string[];
}

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
}, 15_000);

/** `twinbot start` with HEALTH_PORT; resolves once it logs `running:` and the health address. */
async function startBot(
  env: Record<string, string>,
  started = 'running: ',
): Promise<{ store: string; health: string; child: ChildProcess }> {
  const store = join(await tempDir(), 'twinning.json');
  await copyFile(SEED_PATH, store);
  const port = await freePort();
  const child = spawnTwinbot(['start', '--data', store], {
    HEALTH_PORT: String(port),
    HEALTH_HOST: '127.0.0.1',
    SNAPSHOT_DAYS: '0',
    ...env,
  });
  const exited = once(child, 'exit');
  closers.push(async () => {
    // Bounded teardown even when a test fails before its own clean-up.
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.kill('SIGTERM');
    await exited;
    clearTimeout(kill);
  });
  const output = await untilPrinted(child, started);
  expect(output()).toContain(`health: port ${port}`);
  return { store, health: `http://127.0.0.1:${port}`, child };
}

async function readyz(health: string): Promise<{ status: number; report: Report }> {
  const res = await fetch(`${health}/readyz`);
  return { status: res.status, report: (await res.json()) as Report };
}

/** Polls /readyz until it answers `status` (a reconnecting library takes a moment to notice). */
async function readyzBecomes(health: string, status: number): Promise<Report> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await readyz(health);
    if (answer.status === status || Date.now() > deadline) {
      expect(answer.status).toBe(status);
      return answer.report;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('health endpoints of the real bot process', { timeout: 60_000 }, () => {
  it('GIVEN Discord only THEN 200 with store, discord and reminders; WHEN the gateway goes away THEN 503 naming discord', async () => {
    const fake = await FakeDiscord.start({ token: TOKEN, applicationId: APPLICATION_ID, guilds: [GUILD] });
    let fakeOpen = true;
    closers.push(async () => {
      if (fakeOpen) await fake.close();
    });
    const { health, child } = await startBot({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: fake.apiUrl,
    });
    const up = await readyz(health);
    expect(up.status).toBe(200);
    expect(up.report).toEqual({
      ok: true,
      checks: {
        store: { ok: true, detail: 'readable' },
        discord: { ok: true, detail: 'gateway ready' },
        reminders: { ok: true, detail: expect.stringMatching(/^last tick \d+ s ago$/) },
      },
    });
    expect((await fetch(`${health}/healthz`)).status).toBe(200);

    await fake.close();
    fakeOpen = false;
    const down = await readyzBecomes(health, 503);
    expect(down.failing).toEqual(['discord']);
    expect(down.checks.discord?.ok).toBe(false);
    expect(JSON.stringify(down)).not.toContain(TOKEN);
    expect((await fetch(`${health}/livez`)).status).toBe(200);
    // And it still stops on SIGTERM while discord.js keeps reconnecting to the gateway that is gone.
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
  });

  it('GIVEN Slack Socket Mode THEN 200; WHEN the store file is removed under the bot THEN 503 naming store', async () => {
    const fake = await FakeSlack.start({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
    const gateway = await FakeSocketGateway.start();
    fake.socketUrl = gateway.url;
    closers.push(
      () => fake.close(),
      () => gateway.close(),
    );
    const { health, store } = await startBot({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: fake.apiUrl,
    });
    const up = await readyz(health);
    expect(up.status).toBe(200);
    expect(up.report.checks.slack).toEqual({ ok: true, detail: 'Socket Mode connected' });

    await rm(store);
    const down = await readyzBecomes(health, 503);
    expect(down.failing).toEqual(['store']);
    expect(down.checks.store).toEqual({ ok: false, detail: 'cannot be read (ENOENT)' });
  });

  it('GIVEN the local shell with HEALTH_PORT THEN it answers 200 with store and reminders', async () => {
    const { health } = await startBot({}, 'health: port');
    expect(await readyz(health)).toEqual({
      status: 200,
      report: {
        ok: true,
        checks: {
          store: { ok: true, detail: 'readable' },
          reminders: { ok: true, detail: expect.stringMatching(/^last tick/) },
        },
      },
    });
  });
});
