import { describe, expect, it } from 'vitest';
import { parseLogLevel } from '../../src/ops/log-level.ts';
import { capturedLog, LEVEL } from '../fixtures/captured-log.ts';

describe('LOG_LEVEL', () => {
  it('GIVEN it unset or empty THEN info; GIVEN a pino level in any case THEN that level', () => {
    expect(parseLogLevel({})).toEqual({ ok: true, value: 'info' });
    expect(parseLogLevel({ LOG_LEVEL: '' })).toEqual({ ok: true, value: 'info' });
    expect(parseLogLevel({ LOG_LEVEL: 'DEBUG' })).toEqual({ ok: true, value: 'debug' });
    expect(parseLogLevel({ LOG_LEVEL: 'silent' })).toEqual({ ok: true, value: 'silent' });
  });

  it('GIVEN a word that is no level THEN a problem naming LOG_LEVEL and the levels, not an exception', () => {
    const read = parseLogLevel({ LOG_LEVEL: 'loud' });
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.problems).toEqual([
      'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent (default info)',
    ]);
  });

  it('GIVEN LOG_LEVEL warn THEN info and debug lines are dropped, warnings and errors written', () => {
    const captured = capturedLog('warn');
    captured.log.debug('chatter');
    captured.log.info('running: slack');
    captured.log.warn('refused');
    captured.log.error('bug');
    expect(captured.records().map((r) => [r.level, r.msg])).toEqual([
      [LEVEL.warn, 'refused'],
      [LEVEL.error, 'bug'],
    ]);
    expect(captured.log.enabled('info')).toBe(false);
  });
});

describe('the logger keeps secrets out', () => {
  it('GIVEN secrets in fields a library keeps (headers, tokens) THEN pino’s redact censors them', () => {
    const captured = capturedLog('info');
    captured.log.warn('discord: request failed', {
      request: { headers: { Authorization: 'Bot abc.def.ghi' } },
      token: 'whatever-the-token-is',
      config: { botToken: 'b', signingSecret: 's' },
    });
    expect(captured.records()[0]).toMatchObject({
      request: { headers: { Authorization: '[redacted]' } },
      token: '[redacted]',
      config: { botToken: '[redacted]', signingSecret: '[redacted]' },
    });
  });

  it('GIVEN a configured secret, a Discord-shaped token or an error in free text THEN they are scrubbed and the error is reduced to its message', () => {
    const discordToken = `${'M'.repeat(24)}.${'G'.repeat(6)}.${'x'.repeat(38)}`;
    const captured = capturedLog('info', ['a-configured-secret-1234']);
    const error = Object.assign(new Error(`401 with a-configured-secret-1234 and ${discordToken}`), {
      config: { headers: { Authorization: `Bot ${discordToken}` } },
    });
    captured.log.error(`discord: ${error.message}`, { error });
    const raw = captured.raw();
    expect(raw).not.toContain('a-configured-secret-1234');
    expect(raw).not.toContain(discordToken);
    expect(raw).not.toContain('config');
    expect(captured.records()[0]).toMatchObject({
      msg: 'discord: 401 with [redacted] and [redacted]',
      error: { type: 'Error', message: '401 with [redacted] and [redacted]' },
    });
  });
});
