import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { openLedger } from '../../src/reminders/ledger.ts';
import { startReminders } from '../../src/reminders/runtime.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { capturedLog } from '../fixtures/captured-log.ts';
import { storeFrom } from '../fixtures/knowledge-base.ts';

/** A partnership signed ten years ago today (UTC), and a console target that posts from midnight. */
function dueToday(): StoreInput {
  const today = Temporal.Now.plainDateISO('UTC');
  const signed = today.subtract({ years: 10 });
  return {
    version: 1,
    cities: [
      { id: 'aa-cz', name: 'Aa', country: 'CZ' },
      { id: 'bb-de', name: 'Bb', country: 'DE' },
    ],
    partnerships: [
      {
        id: 'aa-cz--bb-de',
        cities: ['aa-cz', 'bb-de'],
        milestones: [{ kind: 'signing', date: signed.toString() }],
      },
    ],
    reminders: { targets: [{ id: 'console', timeZone: 'UTC', postAt: '00:00', leads: [0] }] },
  };
}

describe('startReminders', () => {
  it('GIVEN a reminder due today and a pending post from a crash THEN start settles the pending one and posts today’s at once, logging and counting both', async () => {
    const store = await storeFrom(dueToday());
    const ledger = await openLedger(store.path);
    await ledger.record([
      {
        target: 'console',
        partnership: 'aa-cz--bb-de',
        number: 9,
        lead: 0,
        due: '2000-01-01',
        state: 'pending',
        at: '2000-01-01T00:00:00Z',
      },
    ]);
    const posted: Reply[] = [];
    const captured = capturedLog('info');
    const counted: string[] = [];
    const running = await startReminders(
      store,
      ledger,
      {
        console: {
          deliver: async (_target, message) => {
            posted.push(message);
            return { ok: true };
          },
        },
      },
      captured.log,
      {
        posted: (late) => counted.push(late ? 'late' : 'sent'),
        missed: (count) => counted.push(`missed ${count}`),
        unconfirmed: (count) => counted.push(`unconfirmed ${count}`),
      },
    );
    const logs = captured.messages();
    await running.stop();
    expect(posted.map((m) => m.title)).toEqual(['🎉 10th anniversary: Aa – Bb (a milestone year)']);
    expect(logs.some((l) => l.includes('1 post(s) interrupted by a stop are recorded as unconfirmed'))).toBe(
      true,
    );
    expect(counted).toEqual(['unconfirmed 1', 'sent']);
    expect(logs.some((l) => l.startsWith('reminder posted: ') && l.includes('aa-cz--bb-de 10 0'))).toBe(true);
  });
});
