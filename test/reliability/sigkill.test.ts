import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { watch } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import type { StoreData } from '../../src/store/schema.ts';
import { Store } from '../../src/store/store.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/harness.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { sendToApp } from '../fakes/slack-requests.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { spawnTwinbot, startSlackBot } from '../fixtures/twinbot-process.ts';

/** A small seeded generator, so that a failure names the seed that reproduces its kill moments. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seedCopy(): Promise<string> {
  const path = join(await tempDir(), 'twinning.json');
  await copyFile(SEED_PATH, path);
  return path;
}

/** When to kill: after a delay, or while the store is being written (its temp file has appeared). */
type Moment = { afterMs: number } | { midWriteMs: number };

interface Run {
  stdout: string;
  /** Whether the process was killed before it could finish. */
  killed: boolean;
}

/**
 * Runs a twinbot command and kills it with SIGKILL at the moment given. A mid-write kill falls on
 * the store's temp file appearing, the window where a careless write loses data.
 */
async function runKilled(args: string[], storePath: string, moment: Moment): Promise<Run> {
  const child = spawnTwinbot(args, {});
  let stdout = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  const exited = once(child, 'exit');
  const kill = () => child.kill('SIGKILL');
  let watcher: ReturnType<typeof watch> | undefined;
  if ('afterMs' in moment) {
    setTimeout(kill, moment.afterMs);
  } else {
    const temp = `.${basename(storePath)}.tmp`;
    watcher = watch(dirname(storePath), (_event, name) => {
      if (name === temp) setTimeout(kill, moment.midWriteMs);
    });
  }
  const [, signal] = await exited;
  watcher?.close();
  return { stdout, killed: signal === 'SIGKILL' };
}

/**
 * After each kill: the store passes `check` (it opens and validates), and (unless the next run is
 * itself the check) the next writer takes the lock at once, without waiting for the dead one.
 */
async function checkAfterKill(path: string, context: string, nextWriter = true): Promise<StoreData> {
  const store = await Store.open(path).catch((error: Error) => {
    throw new Error(`${context}: the store no longer passes check: ${error.message}`);
  });
  if (nextWriter) {
    const next = await Store.open(path, { lock: true }).catch((error: Error) => {
      throw new Error(`${context}: the next writer was refused: ${error.message}`);
    });
    await next.close();
  }
  return store.catalog.data;
}

const auditMentions = (data: StoreData, text: string) =>
  data.audit.some((entry) => JSON.stringify(entry).includes(text));

describe.concurrent('SIGKILL at random moments', () => {
  it('GIVEN imports killed at random moments, twenty times THEN the store always passes check and holds each import whole with its audit entry or not at all, and every acknowledged import is there', {
    timeout: 240_000,
  }, async ({ expect }) => {
    const seed = Date.now();
    const random = randomFrom(seed);
    const path = await seedCopy();
    const folder = await tempDir();
    const ROWS = 150;
    let kills = 0;
    for (let cycle = 0; cycle < 20; cycle++) {
      const file = join(folder, `cycle-${cycle}.csv`);
      const rows = Array.from({ length: ROWS }, (_, i) => `Kill${cycle}a${i},DE,Kill${cycle}b${i},FR`);
      await writeFile(file, `city_a,country_a,city_b,country_b\n${rows.join('\n')}\n`);
      const moment: Moment = cycle % 2 === 0 ? { afterMs: random() * 1_500 } : { midWriteMs: random() * 15 };
      const run = await runKilled(['import', '--data', path, file], path, moment);
      if (run.killed) kills++;
      const context = `seed ${seed}, import ${cycle}, ${JSON.stringify(moment)}`;
      const data = await checkAfterKill(path, context);
      const imported = data.cities.filter((city) => new RegExp(`^Kill${cycle}a\\d+$`).test(city.name)).length;
      expect([0, ROWS], `${context}: the import is whole or absent`).toContain(imported);
      expect(auditMentions(data, `cycle-${cycle}.csv`), `${context}: audited iff imported`).toBe(
        imported === ROWS,
      );
      if (run.stdout.includes('Imported:')) expect(imported, `${context}: acknowledged`).toBe(ROWS);
    }
    expect(kills, `seed ${seed}`).toBeGreaterThanOrEqual(15);
  });

  it('GIVEN staff edits through the CLI killed at random moments, twenty times THEN every acknowledged change is there with its audit entry, and no change is there without one', {
    timeout: 240_000,
  }, async ({ expect }) => {
    const seed = Date.now() + 1;
    const random = randomFrom(seed);
    const path = await seedCopy();
    let kills = 0;
    for (let cycle = 0; cycle < 20; cycle++) {
      const name = `Kalias${cycle}`;
      const moment: Moment = cycle % 2 === 0 ? { afterMs: random() * 1_500 } : { midWriteMs: random() * 10 };
      const run = await runKilled(['ask', '--data', path, `alias prague ${name} de`], path, moment);
      if (run.killed) kills++;
      const context = `seed ${seed}, edit ${cycle}, ${JSON.stringify(moment)}`;
      const data = await checkAfterKill(path, context);
      const kept =
        data.cities.find((city) => city.id === 'prague-cz')?.names.some((n) => n.name === name) ?? false;
      expect(auditMentions(data, `"${name}"`), `${context}: audited iff kept`).toBe(kept);
      if (run.stdout.includes(`"${name}" now finds`)) expect(kept, `${context}: acknowledged`).toBe(true);
    }
    expect(kills, `seed ${seed}`).toBeGreaterThanOrEqual(15);
  });

  it('GIVEN the running bot killed while staff edit through Slack, twelve times THEN every acknowledged change is there with its audit entry, and each restart takes the store over at once', {
    timeout: 240_000,
  }, async ({ expect }) => {
    const seed = Date.now() + 2;
    const random = randomFrom(seed);
    const path = await seedCopy();
    const setup = await Store.open(path);
    await setup.update((draft) => {
      draft.settings.staff = ['slack:UOFFICE'];
      return { result: undefined };
    });
    await setup.close();
    const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
    let previous: ChildProcess | undefined;
    try {
      for (let cycle = 0; cycle < 12; cycle++) {
        const bot = await startSlackBot(path, {
          apiUrl: fake.apiUrl,
          botToken: BOT_TOKEN,
          signingSecret: SIGNING_SECRET,
        });
        const context = `seed ${seed}, bot ${cycle}`;
        // Taken over without waiting for the dead bot (a live one would have been waited for, then refused).
        if (previous) expect(bot.output(), context).toContain(`store: taken over from pid ${previous.pid} `);

        const names = [0, 1, 2, 3].map((n) => `Balias${cycle}x${n}`);
        const answered = new Set<string>();
        const edits = names.map(async (name) => {
          const fields = new URLSearchParams({
            team_id: 'T0TWIN',
            channel_id: 'C0GENERAL',
            user_id: 'UOFFICE',
            command: '/twin',
            text: `alias prague ${name} de`,
            response_url: fake.responseUrl(),
            trigger_id: `${cycle}.${name}`,
          });
          const res = await sendToApp(bot.url, SIGNING_SECRET, {
            body: fields.toString(),
            contentType: 'application/x-www-form-urlencoded',
          });
          if ((await res.text()).includes(`${name}\\" now finds`)) answered.add(name);
        });
        // A request the kill cut off is simply not acknowledged.
        for (const edit of edits) edit.catch(() => undefined);
        const killAfter = random() * 300;
        await new Promise((resolve) => setTimeout(resolve, killAfter));
        bot.child.kill('SIGKILL');
        await bot.exited;
        await Promise.allSettled(edits);
        for (const call of fake.responses()) {
          const body = JSON.stringify(call.body);
          for (const name of names) if (body.includes(`${name}\\" now finds`)) answered.add(name);
        }
        const data = await checkAfterKill(path, `${context}, killed after ${killAfter} ms`, false);
        const prague = data.cities.find((city) => city.id === 'prague-cz');
        for (const name of names) {
          const kept = prague?.names.some((n) => n.name === name) ?? false;
          expect(auditMentions(data, `"${name}"`), `${context}: ${name} audited iff kept`).toBe(kept);
          if (answered.has(name)) expect(kept, `${context}: ${name} acknowledged`).toBe(true);
        }
        previous = bot.child;
      }
    } finally {
      if (previous && previous.exitCode === null && previous.signalCode === null) previous.kill('SIGKILL');
      await fake.close();
    }
  });
});
