import { describe, expect, it } from 'vitest';
import { ConfigError, readPlatformConfig } from '../src/config.ts';

const SECRET = 'very-secret-signing-value';

describe('readPlatformConfig', () => {
  it('GIVEN no platform variables THEN no adapter is configured (the shell runs)', () => {
    expect(readPlatformConfig({ PATH: '/bin' })).toEqual({});
  });

  it('GIVEN a bot token and signing secret THEN Slack runs in HTTP mode on PORT', () => {
    expect(
      readPlatformConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, PORT: '8080' }),
    ).toEqual({
      slack: { mode: 'http', botToken: 'xoxb-1', signingSecret: SECRET, port: 8080 },
    });
  });

  it('GIVEN a bot token and app token THEN Slack runs in Socket Mode, with the API URL override', () => {
    expect(
      readPlatformConfig({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_APP_TOKEN: 'xapp-1',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      }),
    ).toEqual({
      slack: { mode: 'socket', botToken: 'xoxb-1', appToken: 'xapp-1', apiUrl: 'http://127.0.0.1:9/api/' },
    });
  });

  it('GIVEN Discord variables THEN Discord is configured beside Slack', () => {
    const config = readPlatformConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      DISCORD_TOKEN: 'x'.repeat(30),
      DISCORD_APPLICATION_ID: '123456789',
    });
    expect(config.discord).toEqual({ token: 'x'.repeat(30), applicationId: '123456789' });
    expect(config.slack?.mode).toBe('socket');
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET or SLACK_APP_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN'],
    [{ DISCORD_TOKEN: 'x'.repeat(30) }, 'DISCORD_APPLICATION_ID'],
    [{ DISCORD_TOKEN: 'x'.repeat(30), DISCORD_APPLICATION_ID: 'my-app' }, 'DISCORD_APPLICATION_ID'],
    [{ PORT: 'eighty' }, 'PORT'],
  ])('GIVEN %o THEN stops with a message naming %s', (env, variable) => {
    expect(() => readPlatformConfig(env)).toThrow(ConfigError);
    expect(() => readPlatformConfig(env)).toThrow(variable);
  });

  it('GIVEN a malformed secret THEN the message never contains its value', () => {
    const leaked = 'xoxp-leaked-user-token-123';
    let message = '';
    try {
      readPlatformConfig({ SLACK_BOT_TOKEN: leaked, SLACK_SIGNING_SECRET: SECRET });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('SLACK_BOT_TOKEN');
    expect(message).not.toContain(leaked);
    expect(message).not.toContain(SECRET);
  });
});

describe('readPlatformConfig with several mistakes', () => {
  it('GIVEN three mistakes THEN all three are named in one message, and no value is echoed', () => {
    const leaked = 'xoxp-leaked-user-token-123';
    let message = '';
    try {
      readPlatformConfig({ SLACK_BOT_TOKEN: leaked, PORT: 'eighty', DISCORD_TOKEN: 'x'.repeat(30) });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('4 configuration problems');
    for (const variable of [
      'SLACK_BOT_TOKEN',
      'PORT',
      'SLACK_SIGNING_SECRET or SLACK_APP_TOKEN',
      'DISCORD_APPLICATION_ID',
    ]) {
      expect(message).toContain(variable);
    }
    expect(message).not.toContain(leaked);
    expect(message).not.toContain('x'.repeat(30));
  });
});
