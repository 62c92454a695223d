import { once } from 'node:events';
import { copyFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SEED_PATH } from '../../src/store/paths.ts';
import { APPLICATION_ID, GUILD, TOKEN } from '../adapters/discord/harness.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/harness.ts';
import { FakeDiscord } from '../fakes/discord.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { freePort } from '../fakes/slack-requests.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { spawnTwinbot, untilPrinted } from '../fixtures/twinbot-process.ts';

/** The target: SIGTERM to exit 0 within 10 s, in every state. */
const TARGET_MS = 10_000;
const ROUNDS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Starts the bot, brings it into a state, sends SIGTERM; resolves with the ms to its exit (and fails on a code other than 0). */
async function stopMs(
  env: Record<string, string>,
  into: () => Promise<void> = async () => {},
): Promise<number> {
  const path = join(await tempDir(), 'twinning.json');
  await copyFile(SEED_PATH, path);
  const child = spawnTwinbot(['start', '--data', path], { SNAPSHOT_DAYS: '0', ...env });
  const exited = once(child, 'exit');
  await untilPrinted(child, 'running: ');
  await into();
  const sent = performance.now();
  child.kill('SIGTERM');
  const [code] = await exited;
  if (code !== 0) throw new Error(`the bot exited ${String(code)} on SIGTERM`);
  return performance.now() - sent;
}

async function slackIdle(): Promise<number> {
  const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
  try {
    return await stopMs({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(await freePort()),
    });
  } finally {
    await fake.close();
  }
}

/** Discord connected, or with its gateway gone while discord.js reconnects every half second. */
async function discord(state: 'ready' | 'gateway gone'): Promise<number> {
  const fake = await FakeDiscord.start({ token: TOKEN, applicationId: APPLICATION_ID, guilds: [GUILD] });
  const port = Number(new URL(fake.apiUrl).port);
  const dropping = createServer((socket) => socket.destroy());
  let open = true;
  try {
    return await stopMs(
      { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl },
      async () => {
        if (state === 'ready') return;
        await fake.close();
        open = false;
        dropping.listen(port, '127.0.0.1');
        await once(dropping, 'connection');
        await once(dropping, 'connection');
      },
    );
  } finally {
    if (open) await fake.close();
    if (dropping.listening) await new Promise((resolve) => dropping.close(resolve));
  }
}

const rounds = async (run: () => Promise<number>) => {
  const ms: number[] = [];
  for (let round = 0; round < ROUNDS; round++) ms.push(await run());
  return median(ms);
};

const idle = await rounds(slackIdle);
const ready = await rounds(() => discord('ready'));
const gone = await rounds(() => discord('gateway gone'));
const line = (what: string, ms: number) =>
  `${what}: ${ms.toFixed(0)} ms (${(ms / idle).toFixed(1)}x the idle Slack stop; ${((100 * ms) / TARGET_MS).toFixed(0)}% of the 10 s target)`;
console.log(`SIGTERM to exit 0, median of ${ROUNDS}; reference, Slack HTTP idle: ${idle.toFixed(0)} ms`);
console.log(line('  Discord ready', ready));
console.log(line('  Discord gateway gone, reconnecting', gone));
