import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { boltLogger, redactingLog } from '../../../src/adapters/slack/log.ts';

describe('Slack adapter logging', () => {
  it('GIVEN a line holding a known secret or anything shaped like a Slack token THEN prints [redacted] instead', () => {
    const lines: string[] = [];
    const log = redactingLog((line) => lines.push(line), ['my-signing-secret-123', 'short']);
    log('sig my-signing-secret-123, bot xoxb-12-34-abc, app xapp-1-A1-99-zz, user xoxp-9, short');
    expect(lines).toEqual(['sig [redacted], bot [redacted], app [redacted], user [redacted], short']);
  });

  it("GIVEN Bolt logs an HTTP error object THEN only its message is printed, never the request's headers", () => {
    const lines: string[] = [];
    const logger = boltLogger((line) => lines.push(line));
    const error = Object.assign(new Error('An API error occurred: invalid_auth'), {
      config: { headers: { Authorization: 'Bearer xoxb-secret' } },
    });
    logger.error('failed:', error, { headers: { Authorization: 'Bearer xoxb-secret' } });
    expect(lines).toEqual([
      'slack (bolt error): failed: Error: An API error occurred: invalid_auth [details omitted]',
    ]);
  });

  it('GIVEN the default level THEN debug and info lines, which dump payloads, are dropped', () => {
    const lines: string[] = [];
    const logger = boltLogger((line) => lines.push(line));
    logger.debug('payload {"token":"xoxb-1"}');
    logger.info('connected');
    logger.warn('slow');
    expect(lines).toEqual(['slack (bolt warn): slow']);
    logger.setLevel(LogLevel.DEBUG);
    logger.debug('now shown');
    expect(lines.at(-1)).toBe('slack (bolt debug): now shown');
  });
});
