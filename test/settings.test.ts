import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config-result.ts';
import { readSettings } from '../src/settings.ts';

const CALENDAR_TOKEN = 'c'.repeat(32);
const SLACK_HTTP = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'a-signing-secret' };

function messageOf(env: NodeJS.ProcessEnv): string {
  try {
    readSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('readSettings accepted the settings');
}

describe('readSettings', () => {
  it('GIVEN nothing set THEN the local shell, 14 daily snapshots, no feed and no health port', () => {
    expect(readSettings({ PATH: '/bin' })).toEqual({
      platforms: {},
      snapshotDays: 14,
      calendarToken: undefined,
      ops: undefined,
      logLevel: 'info',
    });
  });

  it('GIVEN every setting well formed THEN each part has its value', () => {
    expect(
      readSettings({
        ...SLACK_HTTP,
        SNAPSHOT_DAYS: '3',
        CALENDAR_TOKEN,
        HEALTH_PORT: '8080',
        LOG_LEVEL: 'warn',
      }),
    ).toEqual({
      platforms: {
        slack: { mode: 'http', botToken: 'xoxb-1', signingSecret: 'a-signing-secret', port: 3000 },
      },
      snapshotDays: 3,
      calendarToken: CALENDAR_TOKEN,
      ops: { port: 8080 },
      logLevel: 'warn',
    });
  });

  it('GIVEN a mistake in every part THEN one ConfigError names each variable on its own line, echoing no value', () => {
    const leaked = 'xoxp-leaked-user-token-123';
    const message = messageOf({
      SLACK_BOT_TOKEN: leaked,
      SLACK_SIGNING_SECRET: 'a-signing-secret',
      SNAPSHOT_DAYS: 'fortnight',
      CALENDAR_TOKEN: 'weak-token',
      HEALTH_PORT: 'eighty',
      LOG_LEVEL: 'chatty',
    });
    const lines = message.split('\n');
    expect(lines[0]).toBe('5 configuration problems:');
    for (const variable of [
      'SLACK_BOT_TOKEN',
      'SNAPSHOT_DAYS',
      'CALENDAR_TOKEN',
      'HEALTH_PORT',
      'LOG_LEVEL',
    ]) {
      expect(lines.filter((line) => line.startsWith(`  - ${variable} `))).toHaveLength(1);
    }
    for (const value of [leaked, 'a-signing-secret', 'fortnight', 'weak-token', 'eighty', 'chatty']) {
      expect(message).not.toContain(value);
    }
  });

  it('GIVEN CALENDAR_TOKEN with no HEALTH_PORT and no Slack HTTP receiver THEN refused: nothing would serve the feed', () => {
    expect(messageOf({ CALENDAR_TOKEN })).toMatch(
      /^CALENDAR_TOKEN is set but nothing serves the calendar feed: set HEALTH_PORT/,
    );
    expect(messageOf({ CALENDAR_TOKEN, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toMatch(
      /^CALENDAR_TOKEN is set but nothing serves/,
    );
    expect(messageOf({ CALENDAR_TOKEN, SNAPSHOT_DAYS: 'x' })).toContain('2 configuration problems');
  });

  it('GIVEN CALENDAR_TOKEN with HEALTH_PORT or with Slack in HTTP mode THEN the feed has a server', () => {
    expect(readSettings({ CALENDAR_TOKEN, HEALTH_PORT: '0' }).calendarToken).toBe(CALENDAR_TOKEN);
    expect(readSettings({ CALENDAR_TOKEN, ...SLACK_HTTP }).calendarToken).toBe(CALENDAR_TOKEN);
  });
});
