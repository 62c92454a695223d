import { describe, expect, it } from 'vitest';
import { logStrayErrors } from '../../src/adapters/last-resort.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { capturedLog, LEVEL } from '../fixtures/captured-log.ts';

const BOT_TOKEN = 'xoxb-1111-secret-bot-token';

describe('logStrayErrors', () => {
  it('GIVEN an error nothing caught, or a promise nothing handled THEN each is logged as a bug with where it came from, without secrets', () => {
    const captured = capturedLog('info');
    const stop = logStrayErrors(captured.log, {
      slack: { mode: 'http', botToken: BOT_TOKEN, signingSecret: 'signing-secret-0000', port: 3000 },
    });
    try {
      process.emit('uncaughtException', new TypeError(`failed with ${BOT_TOKEN}`));
      process.emit('unhandledRejection', new RangeError('too far'), Promise.resolve());
    } finally {
      stop();
    }
    const lines = captured.messages();
    expect(captured.records().map((record) => record.level)).toEqual([LEVEL.error, LEVEL.error]);
    expect(lines[0]).toMatch(
      /^bug: an error that nothing caught: TypeError: failed with \[redacted\] \| at /,
    );
    expect(lines[1]).toMatch(
      /^bug: a failed promise that nothing handled: RangeError: too far \| at .*last-resort\.test\.ts/,
    );
    expect(captured.raw()).not.toContain(BOT_TOKEN);
  });

  it('GIVEN the handlers removed THEN nothing of ours listens any more', () => {
    const before = process.listenerCount('unhandledRejection');
    logStrayErrors(silentLogger, {})();
    expect(process.listenerCount('unhandledRejection')).toBe(before);
  });
});
