import { describe, expect, it } from 'vitest';
import { logRequest } from '../../src/ops/request-log.ts';
import { capturedLog, LEVEL } from '../fixtures/captured-log.ts';
import { handledRequest } from '../fixtures/handled-request.ts';

describe('the request log line', () => {
  it('GIVEN LOG_LEVEL info THEN one info line with platform, command, outcome and milliseconds, and no message text', () => {
    const captured = capturedLog('info');
    logRequest(captured.log, handledRequest({ ms: 1.23456 }));
    expect(captured.records()).toEqual([
      {
        level: LEVEL.info,
        time: expect.any(String),
        platform: 'slack',
        command: 'partners',
        outcome: 'answered',
        ms: 1.23,
        msg: 'request: slack partners answered',
      },
    ]);
    expect(captured.raw()).not.toContain('prague');
  });

  it('GIVEN LOG_LEVEL debug THEN the one line is a debug line that also carries what was asked', () => {
    const captured = capturedLog('debug');
    logRequest(captured.log, handledRequest({}));
    expect(captured.records()).toMatchObject([
      { level: LEVEL.debug, command: 'partners', outcome: 'answered', text: 'partners prague' },
    ]);
  });

  it('GIVEN a question in the local shell at the default level THEN no line: its operator reads the answer in the same terminal', () => {
    const captured = capturedLog('info');
    logRequest(captured.log, handledRequest({ platform: 'shell' }));
    expect(captured.records()).toEqual([]);
  });

  it('GIVEN a token typed into a question THEN even the debug line shows it redacted', () => {
    const captured = capturedLog('debug');
    logRequest(captured.log, handledRequest({ text: 'partners xoxb-123-456-abcdef' }));
    expect(captured.records()[0]?.text).toBe('partners [redacted]');
  });
});
