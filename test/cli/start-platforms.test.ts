import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/harness.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { type RunningBot, startSlackBot } from '../fixtures/twinbot-process.ts';

const TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00';

let bot: RunningBot | undefined;
let fake: FakeSlack | undefined;
afterEach(async () => {
  bot?.child.kill('SIGTERM');
  await bot?.exited;
  await fake?.close();
  bot = undefined;
  fake = undefined;
});

async function startBot(env: Record<string, string>): Promise<{ dir: string; bot: RunningBot }> {
  const dir = await tempDir();
  const store = join(dir, 'twinning.json');
  await copyFile(SEED_PATH, store);
  fake = await FakeSlack.start({ botToken: BOT_TOKEN });
  bot = await startSlackBot(
    store,
    { apiUrl: fake.apiUrl, botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
    env,
  );
  return { dir, bot };
}

describe('twinbot start on Slack (a real process)', { timeout: 30_000 }, () => {
  it('GIVEN CALENDAR_TOKEN THEN the feed is at /calendar/<token>.ics only, and the token is never printed', async () => {
    const { bot } = await startBot({ CALENDAR_TOKEN: TOKEN, SNAPSHOT_DAYS: '0' });
    expect((await fetch(`${bot.url}/calendar/${TOKEN}.ics`)).status).toBe(200);
    expect((await fetch(`${bot.url}/calendar/${TOKEN.slice(1)}0.ics`)).status).toBe(404);
    expect((await fetch(`${bot.url}/calendar.ics`)).status).toBe(404);
    expect(bot.output()).not.toContain(TOKEN);
  });

  it('GIVEN SNAPSHOT_DAYS THEN the bot takes the day’s snapshot beside the store', async () => {
    const { dir, bot } = await startBot({ SNAPSHOT_DAYS: '3' });
    const today = new Date().toISOString().slice(0, 10);
    expect(await readdir(join(dir, 'snapshots'))).toEqual([`twinning-${today}.json`]);
    expect(bot.output()).toContain('snapshot: ');
  });
});
