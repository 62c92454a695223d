import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SEED_PATH } from '../../src/store/paths.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/harness.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { startSlackBot } from '../fixtures/twinbot-process.ts';

const ROUNDS = 5;
const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
const path = join(await tempDir(), 'twinning.json');
await copyFile(SEED_PATH, path);

/** Starts the bot, waits until it runs, stops it with the signal given; resolves with the start's ms. */
async function startThenStop(signal: 'SIGTERM' | 'SIGKILL'): Promise<number> {
  const started = performance.now();
  const bot = await startSlackBot(path, {
    apiUrl: fake.apiUrl,
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
  });
  const ms = performance.now() - started;
  bot.child.kill(signal);
  await bot.exited;
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
