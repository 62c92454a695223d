/**
 * Benchmark: how soon the bot is back after a crash. The real bot (Slack HTTP mode, against the
 * local fake Slack) is started on the seed, alternately after a clean stop (SIGTERM: the lock is let
 * go) and after SIGKILL (the lock is left behind by a dead process); each start is timed from spawn
 * to "running". Target (issue 12): a start after SIGKILL within 2 s of a clean one. Prints figures;
 * asserts nothing. Run with `npm run bench`.
 */
import { once } from 'node:events';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SEED_PATH } from '../../src/store/paths.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/harness.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { freePort } from '../fakes/slack-requests.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { spawnTwinbot } from '../fixtures/twinbot-process.ts';

const ROUNDS = 5;
const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
const path = join(await tempDir(), 'twinning.json');
await copyFile(SEED_PATH, path);

/** Starts the bot, waits until it runs, stops it with the signal given; resolves with the start's ms. */
async function startThenStop(signal: 'SIGTERM' | 'SIGKILL'): Promise<number> {
  const started = performance.now();
  const bot = spawnTwinbot(['start', '--data', path], {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(await freePort()),
  });
  const exited = once(bot, 'exit');
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      log += chunk;
      if (log.includes('running: slack')) resolve();
    };
    bot.stderr?.on('data', read);
    bot.stdout?.on('data', read);
    bot.once('exit', () => reject(new Error(`the bot stopped before running:\n${log}`)));
  });
  const ms = performance.now() - started;
  bot.kill(signal);
  await exited;
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

await startThenStop('SIGTERM');
const clean: number[] = [];
const afterKill: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // Each start follows the stop before it: a clean start follows a SIGTERM, a restart a SIGKILL.
  clean.push(await startThenStop('SIGKILL'));
  afterKill.push(await startThenStop('SIGTERM'));
}
await fake.close();
const cleanMs = median(clean);
const afterKillMs = median(afterKill);
console.log(
  `bot start after SIGKILL (lock left by a dead process): ${afterKillMs.toFixed(0)} ms median, ` +
    `after a clean stop: ${cleanMs.toFixed(0)} ms; difference ${(afterKillMs - cleanMs).toFixed(0)} ms ` +
    `(target: under 2000 ms; ${ROUNDS} rounds each)`,
);
