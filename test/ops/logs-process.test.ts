import { copyFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/harness.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { freePort, sendToApp, slashCommand } from '../fakes/slack-requests.ts';
import { LEVEL, type LogRecord } from '../fixtures/captured-log.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { type RunningBot, runTwinbot, startSlackBot } from '../fixtures/twinbot-process.ts';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
}, 15_000);

/** The real `twinbot start` in Slack HTTP mode with HEALTH_PORT, against a fake Slack. */
async function slackBot(
  env: Record<string, string>,
): Promise<RunningBot & { health: string; store: string; fake: FakeSlack }> {
  const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
  closers.push(() => fake.close());
  const store = join(await tempDir(), 'twinning.json');
  await copyFile(SEED_PATH, store);
  const healthPort = await freePort();
  const bot = await startSlackBot(
    store,
    { apiUrl: fake.apiUrl, botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
    { HEALTH_PORT: String(healthPort), HEALTH_HOST: '127.0.0.1', SNAPSHOT_DAYS: '0', ...env },
  );
  closers.push(async () => {
    const kill = setTimeout(() => bot.child.kill('SIGKILL'), 10_000);
    bot.child.kill('SIGTERM');
    await bot.exited;
    clearTimeout(kill);
  });
  return { ...bot, health: `http://127.0.0.1:${healthPort}`, store, fake };
}

/** The JSON lines the bot wrote (stdout carries none in Slack mode). */
function records(output: string): LogRecord[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogRecord);
}

async function requestLine(bot: RunningBot): Promise<LogRecord> {
  await expect.poll(() => bot.output(), { timeout: 5000 }).toContain('request: slack');
  const found = records(bot.output()).filter((r) => r.msg.startsWith('request: '));
  expect(found).toHaveLength(1);
  return found[0] as LogRecord;
}

describe('twinbot start: logs and metrics (the real process)', () => {
  it('GIVEN a /twin question at the default level THEN one JSON request line without the text, and /metrics counts it', async () => {
    const bot = await slackBot({});
    const res = await sendToApp(
      bot.url,
      SIGNING_SECRET,
      slashCommand({ text: 'partners kitakami', responseUrl: bot.fake.responseUrl() }),
    );
    expect(res.status).toBe(200);

    const line = await requestLine(bot);
    expect(line).toMatchObject({
      level: LEVEL.info,
      platform: 'slack',
      command: 'partners',
      outcome: 'answered',
      msg: 'request: slack partners answered',
    });
    expect(typeof line.ms).toBe('number');
    expect(line).not.toHaveProperty('text');
    expect(bot.output()).not.toMatch(/kitakami/i);
    expect(bot.output()).not.toContain(BOT_TOKEN);
    expect(bot.output()).not.toContain(SIGNING_SECRET);

    const metrics = await (await fetch(`${bot.health}/metrics`)).text();
    expect(metrics).toContain(
      'twinbot_requests_total{platform="slack",command="partners",outcome="answered"} 1',
    );
    expect(metrics).toContain(
      'twinbot_request_duration_seconds_count{platform="slack",command="partners"} 1',
    );
    expect(metrics).toContain('twinbot_reminders_total{outcome="sent"} 0');
    expect(metrics).toContain(`twinbot_store_size_bytes ${(await stat(bot.store)).size}`);
    expect(metrics).toMatch(/^twinbot_reminder_last_tick_timestamp_seconds \d{10}/m);
    expect(metrics).toContain('process_cpu_user_seconds_total');
  }, 40_000);

  it("GIVEN LOG_LEVEL=debug THEN the request line is a debug line with what was asked, and Bolt's debug lines show, still without secrets", async () => {
    const bot = await slackBot({ LOG_LEVEL: 'debug' });
    await sendToApp(
      bot.url,
      SIGNING_SECRET,
      slashCommand({ text: 'partners kitakami', responseUrl: bot.fake.responseUrl() }),
    );
    const line = await requestLine(bot);
    expect(line).toMatchObject({ level: LEVEL.debug, command: 'partners', text: 'partners kitakami' });
    expect(
      records(bot.output()).some((r) => r.level === LEVEL.debug && r.msg.startsWith('slack (bolt): ')),
    ).toBe(true);
    expect(bot.output()).not.toContain(BOT_TOKEN);
    expect(bot.output()).not.toContain(SIGNING_SECRET);
  }, 40_000);

  it('GIVEN LOG_LEVEL=warn THEN the info lines of a run are dropped', async () => {
    /** The local shell on a fresh store, ended at once by its closed input: it logs its first snapshot at info. */
    const run = async (env: Record<string, string>) => {
      const store = join(await tempDir(), 'twinning.json');
      await copyFile(SEED_PATH, store);
      return runTwinbot(['start', '--data', store], env);
    };
    const atInfo = await run({});
    expect(atInfo.code).toBe(0);
    expect(records(atInfo.stderr)).toMatchObject([
      { level: LEVEL.info, msg: expect.stringMatching(/^snapshot: /) },
    ]);
    const atWarn = await run({ LOG_LEVEL: 'warn' });
    expect(atWarn.code).toBe(0);
    expect(atWarn.stderr).toBe('');
  }, 40_000);

  it('GIVEN a LOG_LEVEL that is no level THEN start is refused, naming the variable', async () => {
    const store = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, store);
    const run = await runTwinbot(['start', '--data', store], { LOG_LEVEL: 'loud' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent');
    // Like every setting's message, it names the variable and never repeats the value.
    expect(run.stderr).not.toContain('loud');
  }, 20_000);
});
