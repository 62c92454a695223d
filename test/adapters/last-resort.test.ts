import { describe, expect, it } from 'vitest';
import { logStrayErrors } from '../../src/adapters/last-resort.ts';

const BOT_TOKEN = 'xoxb-1111-secret-bot-token';

describe('logStrayErrors', () => {
  it('GIVEN an error nothing caught, or a promise nothing handled THEN each is logged as a bug with where it came from, without secrets', () => {
    const lines: string[] = [];
    const stop = logStrayErrors((line) => lines.push(line), {
      slack: { mode: 'http', botToken: BOT_TOKEN, signingSecret: 'signing-secret-0000', port: 3000 },
    });
    try {
      process.emit('uncaughtException', new TypeError(`failed with ${BOT_TOKEN}`));
      process.emit('unhandledRejection', new RangeError('too far'), Promise.resolve());
    } finally {
      stop();
    }
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^bug: an error that nothing caught: TypeError: failed with \[redacted\] \| at /,
    );
    expect(lines[1]).toMatch(
      /^bug: a failed promise that nothing handled: RangeError: too far \| at .*last-resort\.test\.ts/,
    );
    expect(lines.join('\n')).not.toContain(BOT_TOKEN);
  });

  it('GIVEN the handlers removed THEN nothing of ours listens any more', () => {
    const before = process.listenerCount('unhandledRejection');
    logStrayErrors(() => {}, {})();
    expect(process.listenerCount('unhandledRejection')).toBe(before);
  });
});
