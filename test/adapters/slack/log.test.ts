import { LogLevel, webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { boltLevelOf, boltLogger, redactingLog } from '../../../src/adapters/slack/log.ts';
import { FakeSlack } from '../../fakes/slack-api.ts';
import { freePort } from '../../fakes/slack-requests.ts';
import { capturedLog, LEVEL } from '../../fixtures/captured-log.ts';

const BOT_TOKEN = 'xoxb-1-2-never-printed';

describe('Slack adapter logging', () => {
  it('GIVEN a line holding a known secret or anything shaped like a Slack token THEN prints [redacted] instead', () => {
    const captured = capturedLog('info');
    const log = redactingLog(captured.log, ['my-signing-secret-123', 'short']);
    log.warn('sig my-signing-secret-123, bot xoxb-12-34-abc, app xapp-1-A1-99-zz, user xoxp-9, short', {
      detail: 'again xoxb-12-34-abc',
    });
    expect(captured.records()).toMatchObject([
      {
        level: LEVEL.warn,
        msg: 'sig [redacted], bot [redacted], app [redacted], user [redacted], short',
        detail: 'again [redacted]',
      },
    ]);
  });

  it("GIVEN Bolt logs an HTTP error object THEN only its message is printed, never the request's headers", () => {
    const captured = capturedLog('info');
    const logger = boltLogger(captured.log);
    const error = Object.assign(new Error('An API error occurred: invalid_auth'), {
      config: { headers: { Authorization: 'Bearer xoxb-secret' } },
    });
    logger.error('failed:', error, { headers: { Authorization: 'Bearer xoxb-secret' } });
    expect(captured.records()).toMatchObject([
      {
        level: LEVEL.error,
        msg: 'slack (bolt): failed: Error: An API error occurred: invalid_auth [details omitted]',
      },
    ]);
    expect(captured.raw()).not.toContain('xoxb-secret');
  });

  it('GIVEN LOG_LEVEL info THEN Bolt runs at INFO and its debug lines, which dump payloads, are dropped; at debug they show', () => {
    const atInfo = capturedLog('info');
    const logger = boltLogger(atInfo.log);
    expect(boltLevelOf(atInfo.log)).toBe(LogLevel.INFO);
    logger.debug('payload {"text":"partners Prague"}');
    logger.info('connected');
    logger.warn('slow');
    expect(atInfo.records().map((r) => [r.level, r.msg])).toEqual([
      [LEVEL.info, 'slack (bolt): connected'],
      [LEVEL.warn, 'slack (bolt): slow'],
    ]);
    const atDebug = capturedLog('debug');
    expect(boltLevelOf(atDebug.log)).toBe(LogLevel.DEBUG);
    boltLogger(atDebug.log).debug('now shown');
    expect(atDebug.records()).toMatchObject([{ level: LEVEL.debug, msg: 'slack (bolt): now shown' }]);
    const atWarn = capturedLog('warn');
    expect(boltLevelOf(atWarn.log)).toBe(LogLevel.WARN);
  });

  it("GIVEN the real Slack Web API client with Bolt's logger THEN its warning reaches our logger at warn", async () => {
    const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
    try {
      const captured = capturedLog('info', [BOT_TOKEN]);
      const log = captured.log;
      const client = new webApi.WebClient(BOT_TOKEN, {
        slackApiUrl: fake.apiUrl,
        logger: boltLogger(log),
        logLevel: boltLevelOf(log),
        retryConfig: { retries: 0 },
      });
      // Posting blocks without the top-level text is accepted, with a warning from the client.
      await client.chat.postMessage({
        channel: 'C1',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }],
      });
      const warnings = captured.records().filter((r) => r.level === LEVEL.warn);
      expect(warnings.map((r) => r.msg).join('\n')).toMatch(/slack \(bolt\): .*`text` argument is missing/);
      expect(captured.raw()).not.toContain(BOT_TOKEN);
    } finally {
      await fake.close();
    }
  });

  it("GIVEN a library's request error carrying the token in its message and headers THEN the logged line has neither", async () => {
    const captured = capturedLog('debug', [BOT_TOKEN]);
    const client = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: `http://127.0.0.1:${await freePort()}/api/`,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
    const error = await client.auth.test().then(
      () => undefined,
      (failure: unknown) => failure as Error & { original?: unknown },
    );
    expect(error).toBeInstanceOf(Error);
    // As a library might word it, with the request it made.
    const wrapped = Object.assign(new Error(`${error?.message} (Authorization: Bearer ${BOT_TOKEN})`), {
      request: { headers: { authorization: `Bearer ${BOT_TOKEN}` } },
    });
    captured.log.error(`slack: ${wrapped.message}`, { error: wrapped, request: wrapped.request });
    captured.log.error('slack: headers kept', {
      config: { headers: { Authorization: `Bearer ${BOT_TOKEN}` } },
    });
    expect(captured.raw()).toContain('A request error occurred');
    expect(captured.raw()).toContain('[redacted]');
    expect(captured.raw()).not.toContain(BOT_TOKEN);
    expect(captured.raw()).not.toContain('never-printed');
  });
});
