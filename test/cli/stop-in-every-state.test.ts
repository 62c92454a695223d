import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { Store } from '../../src/store/store.ts';
import { APPLICATION_ID, GUILD, TOKEN } from '../adapters/discord/harness.ts';
import { APP_TOKEN, BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/harness.ts';
import { FakeDiscord } from '../fakes/discord.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { eventCallback, freePort, sendToApp } from '../fakes/slack-requests.ts';
import { FakeSocketGateway } from '../fakes/slack-socket.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { spawnTwinbot, untilPrinted } from '../fixtures/twinbot-process.ts';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
}, 20_000);

interface Bot {
  child: ChildProcess;
  store: string;
  output: () => string;
  exited: Promise<unknown[]>;
}

/** `twinbot start` on a copy of the seed; resolves once its platforms run. */
async function startBot(env: Record<string, string>): Promise<Bot> {
  const store = join(await tempDir(), 'twinning.json');
  await copyFile(SEED_PATH, store);
  const child = spawnTwinbot(['start', '--data', store], { SNAPSHOT_DAYS: '0', ...env });
  const exited = once(child, 'exit');
  closers.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  });
  const output = await untilPrinted(child, 'running: ');
  return { child, store, output, exited };
}

/** SIGTERM, then the exit code and signal; fails (a guard, not a measurement) if it never exits. */
async function terminate(bot: Bot): Promise<{ code: unknown; signal: unknown }> {
  bot.child.kill('SIGTERM');
  let guard: NodeJS.Timeout | undefined;
  const [code, signal] = await Promise.race([
    bot.exited,
    new Promise<never>((_, reject) => {
      guard = setTimeout(
        () => reject(new Error(`still running 20 s after SIGTERM:\n${bot.output()}`)),
        20_000,
      );
    }),
  ]);
  clearTimeout(guard);
  return { code, signal };
}

/** The next writer gets the store at once (no wait), and from a holder that let go, not a dead one. */
async function expectStoreFree(path: string): Promise<void> {
  const store = await Store.open(path, { lock: true, lockWaitMs: 0 });
  expect(store.tookOverFrom).toBeUndefined();
  await store.close();
}

/**
 * A TCP server on `port` that either drops every connection at once (the gateway is down: the
 * client reconnects every half second) or takes it and never answers (a connection still opening).
 */
async function stand(port: number, behaviour: 'drop' | 'silent'): Promise<{ connections: () => number }> {
  const sockets: Socket[] = [];
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections += 1;
    if (behaviour === 'drop') socket.destroy();
    else sockets.push(socket);
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return { connections: () => connections };
}

async function discordBot(): Promise<{ bot: Bot; port: number; fake: FakeDiscord }> {
  const fake = await FakeDiscord.start({ token: TOKEN, applicationId: APPLICATION_ID, guilds: [GUILD] });
  let open = true;
  closers.push(async () => {
    if (open) await fake.close();
  });
  const bot = await startBot({
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APPLICATION_ID,
    DISCORD_API_URL: fake.apiUrl,
  });
  await fake.close();
  open = false;
  return { bot, port: Number(new URL(fake.apiUrl).port), fake };
}

describe('SIGTERM stops the real bot process in every state', { timeout: 60_000 }, () => {
  it('GIVEN the Discord gateway gone and discord.js reconnecting every half second WHEN SIGTERM THEN it exits 0 and the store is free at once', async () => {
    const { bot, port } = await discordBot();
    const gateway = await stand(port, 'drop');
    await expect.poll(gateway.connections, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

    expect(await terminate(bot)).toEqual({ code: 0, signal: null });
    expect(bot.output()).toContain('discord: stopped');
    await expectStoreFree(bot.store);
  });

  it('GIVEN a Discord gateway that takes the connection and never answers WHEN SIGTERM while it opens THEN it exits 0 and the store is free', async () => {
    const { bot, port } = await discordBot();
    const gateway = await stand(port, 'silent');
    await expect.poll(gateway.connections, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);

    expect(await terminate(bot)).toEqual({ code: 0, signal: null });
    expect(bot.output()).toContain('discord: stopped');
    expect(bot.output()).not.toContain('bug:');
    await expectStoreFree(bot.store);
  });

  it('GIVEN Discord with an answer to a mention under way WHEN SIGTERM THEN the store stays held until the answer is posted, then it exits 0', async () => {
    const fake = await FakeDiscord.start({ token: TOKEN, applicationId: APPLICATION_ID, guilds: [GUILD] });
    closers.push(async () => {
      fake.release();
      await fake.close();
    });
    const bot = await startBot({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: fake.apiUrl,
    });
    fake.hold((method, path) => method === 'POST' && /^\/channels\/\d+\/messages$/.test(path));
    fake.message({ content: `<@${fake.botUserId}> partners prague` });
    await expect.poll(() => fake.waiting, { timeout: 15_000 }).toBe(1);

    const exit = terminate(bot);
    await expect.poll(() => bot.output(), { timeout: 15_000 }).toContain('stopping');
    // A moment for a bot that did not wait to free the store; this one keeps it while it answers.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(bot.child.exitCode).toBeNull();
    await expect(Store.open(bot.store, { lock: true, lockWaitMs: 0 })).rejects.toThrow(
      /in use by another twinbot process/,
    );
    fake.release();

    expect(await exit).toEqual({ code: 0, signal: null });
    const posted = fake.calls.find((call) => call.method === 'POST' && call.path.startsWith('/channels/'));
    expect(posted?.status).toBe(200);
    expect(JSON.stringify(posted?.body)).toContain('Prague');
    await expectStoreFree(bot.store);
  });

  it('GIVEN Slack Socket Mode with its WebSocket server and its API gone WHEN SIGTERM during the reconnection THEN it exits 0 and the store is free', async () => {
    const fake = await FakeSlack.start({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
    const gateway = await FakeSocketGateway.start();
    fake.socketUrl = gateway.url;
    closers.push(
      () => fake.close(),
      () => gateway.close(),
    );
    const bot = await startBot({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: fake.apiUrl,
    });
    await gateway.close();
    // The socket client asks the API for a new address 5 s after the drop; with the API gone the
    // attempt fails, and its failure must not end the stopping process.
    fake.unreachable.add('apps.connections.open');
    await fake.waitFor((call) => call.kind === 'api' && call.method === 'apps.connections.open', 2, 15_000);
    await fake.close();

    expect(await terminate(bot)).toEqual({ code: 0, signal: null });
    expect(bot.output()).toContain('slack: stopped');
    expect(bot.output()).not.toContain('bug:');
    await expectStoreFree(bot.store);
  });

  it('GIVEN Slack HTTP with an answer under way WHEN SIGTERM THEN the answer is posted before it exits 0', async () => {
    const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
    closers.push(() => fake.close());
    const port = await freePort();
    const bot = await startBot({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    });
    fake.held.add('chat.postMessage');
    const res = await sendToApp(
      `http://127.0.0.1:${port}`,
      SIGNING_SECRET,
      eventCallback({
        type: 'app_mention',
        user: 'UVISITOR',
        text: '<@UBOT> partners Kitakami',
        ts: '1700000100.000200',
        channel: 'C0GENERAL',
      }),
    );
    expect(res.status).toBe(200);
    await expect.poll(() => fake.waiting, { timeout: 15_000 }).toBe(1);

    const exit = terminate(bot);
    await expect.poll(() => bot.output(), { timeout: 15_000 }).toContain('stopping');
    // A moment for a bot that did not wait to free the store; this one keeps it while it answers.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(bot.child.exitCode).toBeNull();
    await expect(Store.open(bot.store, { lock: true, lockWaitMs: 0 })).rejects.toThrow(
      /in use by another twinbot process/,
    );
    fake.release();

    expect(await exit).toEqual({ code: 0, signal: null });
    const [posted] = fake.apiCalls('chat.postMessage');
    expect(posted?.error).toBeUndefined();
    expect(JSON.stringify(posted?.args)).toContain('Kitakami');
    await expectStoreFree(bot.store);
  });

  it('GIVEN Slack HTTP with an answer that never comes back WHEN SIGTERM THEN it stops waiting, frees the store, says so, and exits 1', async () => {
    const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
    closers.push(async () => {
      fake.release();
      await fake.close();
    });
    const port = await freePort();
    const bot = await startBot({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    });
    fake.held.add('chat.postMessage');
    await sendToApp(
      `http://127.0.0.1:${port}`,
      SIGNING_SECRET,
      eventCallback({
        type: 'app_mention',
        user: 'UVISITOR',
        text: '<@UBOT> partners Kitakami',
        ts: '1700000100.000300',
        channel: 'C0GENERAL',
      }),
    );
    await expect.poll(() => fake.waiting, { timeout: 15_000 }).toBe(1);

    expect(await terminate(bot)).toEqual({ code: 1, signal: null });
    expect(bot.output()).toMatch(
      /stopping: slack still under way after 7 s; settling the ledger and freeing/,
    );
    expect(bot.output()).toContain('stopping: exiting without the work still under way');
    await expectStoreFree(bot.store);
  });
});
