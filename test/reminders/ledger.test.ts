import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { type LedgerEntry, ledgerKey } from '../../src/domain/reminder.ts';
import type { Delivery } from '../../src/reminders/delivery.ts';
import { LedgerFile, ledgerPathFor, openLedger } from '../../src/reminders/ledger.ts';
import { ReminderScheduler } from '../../src/reminders/scheduler.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { storeFrom } from '../fixtures/knowledge-base.ts';

/** Three partnerships signed on the same day of 1990, and one console target reminding on the day. */
function threeDueOnOneDay(): StoreInput {
  const cities = ['aa', 'bb', 'cc', 'dd'].map((id) => ({ id: `${id}-cz`, name: id, country: 'CZ' }));
  const pairs = [
    ['aa-cz', 'bb-cz'],
    ['aa-cz', 'cc-cz'],
    ['aa-cz', 'dd-cz'],
  ] as const;
  return {
    version: 1,
    cities,
    partnerships: pairs.map((pair) => ({
      id: `${pair[0]}--${pair[1]}`,
      cities: [...pair],
      milestones: [{ kind: 'signing', date: '1990-06-03' }],
    })),
    reminders: { targets: [{ id: 'console', timeZone: 'UTC', postAt: '09:00', leads: [0] }] },
  };
}

const AT = Temporal.Instant.from('2027-06-03T09:00:00Z');

function entry(partnership: string, state: LedgerEntry['state'], due = '2027-06-03'): LedgerEntry {
  return { target: 'console', partnership, number: 37, lead: 0, due, state, at: `${due}T09:00:00Z` };
}

/** A delivery that records the partnership of each post and can be told to hang on the nth. */
function recording(hangOn?: number) {
  const posted: string[] = [];
  const delivery: Delivery = {
    deliver: (_target, message) => {
      if (posted.length + 1 === hangOn) return new Promise(() => {});
      posted.push(message.title ?? '');
      return Promise.resolve({ ok: true });
    },
  };
  return { posted, delivery };
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('the reminders ledger', () => {
  it('GIVEN a crash while the second of a day’s three posts was under way THEN a restart settles it as unconfirmed, posts the third, and never the first two again', async () => {
    const store = await storeFrom(threeDueOnOneDay());
    const first = recording(2);
    const crashed = await openLedger(store.path);
    void new ReminderScheduler(store, crashed, { console: first.delivery }).tick(AT);
    await waitFor(() => first.posted.length === 1);
    expect(first.posted).toHaveLength(1);

    const reopened = await openLedger(store.path, { lock: true });
    const second = recording();
    const restarted = new ReminderScheduler(store, reopened, { console: second.delivery });
    expect(await restarted.settlePending()).toBe(1);
    await restarted.tick(AT.add({ minutes: 1 }));
    expect(second.posted).toHaveLength(1);
    expect(new Set([...first.posted, ...second.posted]).size).toBe(2);
    expect(reopened.data.entries.map((e) => e.state).sort()).toEqual(['sent', 'sent', 'unconfirmed']);
    await reopened.close();
  });

  it('GIVEN a day’s posts THEN the day is claimed in one line before the first post, and each post adds one line', async () => {
    const store = await storeFrom(threeDueOnOneDay());
    const ledger = await openLedger(store.path);
    const path = await ledgerPathFor(store.path);
    const linesAtPost: number[] = [];
    const delivery: Delivery = {
      deliver: async () => {
        linesAtPost.push((await readFile(path, 'utf8')).trimEnd().split('\n').length);
        return { ok: true };
      },
    };
    await new ReminderScheduler(store, ledger, { console: delivery }).tick(AT);
    // header, the claim of three; then one settled line per post; then the progress.
    expect(linesAtPost).toEqual([2, 3, 4]);
    expect((await readFile(path, 'utf8')).trimEnd().split('\n')).toHaveLength(6);
  });

  it('GIVEN a torn last line (a crash mid-append) THEN it is left out on reading and the next write starts on a clean line', async () => {
    const store = await storeFrom(threeDueOnOneDay());
    const ledger = await openLedger(store.path);
    await ledger.record([entry('aa-cz--bb-cz', 'sent')]);
    const path = await ledgerPathFor(store.path);
    await appendFile(path, '{"put":[{"target":"console","partnership":"aa-cz--cc');

    const reopened = await openLedger(store.path);
    expect(reopened.data.entries.map((e) => e.partnership)).toEqual(['aa-cz--bb-cz']);
    await reopened.record([entry('aa-cz--dd-cz', 'sent')]);
    const again = await LedgerFile.read(path);
    expect(again.data.entries.map((e) => e.partnership)).toEqual(['aa-cz--bb-cz', 'aa-cz--dd-cz']);
  });

  it('GIVEN a damaged line that is not the last THEN the ledger is refused with its path and line number', async () => {
    const store = await storeFrom(threeDueOnOneDay());
    const path = await ledgerPathFor(store.path);
    await openLedger(store.path);
    await appendFile(path, '{"put":[{"target":"console"}]}\n{"progress":{}}\n');
    await expect(openLedger(store.path)).rejects.toThrow(`${path}: line 2: `);
  });

  it('GIVEN a ledger in the earlier one-document format THEN the bot reads it and rewrites it once as a journal', async () => {
    const store = await storeFrom(threeDueOnOneDay());
    const path = await ledgerPathFor(store.path);
    const old = {
      version: 1,
      entries: [entry('aa-cz--bb-cz', 'sent'), entry('aa-cz--cc-cz', 'pending')],
      progress: { console: '2027-06-02' },
    };
    await writeFile(path, JSON.stringify(old, null, 2));
    const reader = await openLedger(store.path);
    expect(reader.data).toEqual(old);
    expect(await readFile(path, 'utf8')).toBe(JSON.stringify(old, null, 2));

    const writer = await openLedger(store.path, { lock: true });
    const text = await readFile(path, 'utf8');
    expect(text.split('\n')[0]).toBe('{"ledger":"twinbot","version":2}');
    expect(writer.data).toEqual(old);
    expect(await writer.settlePending()).toBe(1);
    await writer.close();
    expect((await LedgerFile.read(path)).data.entries.map((e) => e.state)).toEqual(['sent', 'unconfirmed']);
  });

  it('GIVEN a long journal THEN compaction drops what can never be due again but keeps each target’s last post and every claim in its batch order', async () => {
    const store = await storeFrom(threeDueOnOneDay());
    const path = await ledgerPathFor(store.path);
    const ledger = await openLedger(store.path);
    await ledger.record([{ ...entry('old-last-post', 'sent', '2020-01-01'), target: 'slack:T1:C1' }]);
    await ledger.record([entry('too-old', 'missed', '2020-01-01')]);
    for (let i = 0; i < 1200; i++) await ledger.record([{ ...entry(`p${i}`, 'sent'), number: 1 + (i % 3) }]);
    await ledger.record([entry('claim-b', 'pending'), entry('claim-c', 'pending')]);
    await ledger.compactIfWorthIt();
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines.length).toBeLessThan(10);

    const reread = await openLedger(store.path);
    const partnerships = reread.data.entries.map((e) => e.partnership);
    expect(partnerships).toContain('old-last-post');
    expect(partnerships).not.toContain('too-old');
    expect(reread.has(ledgerKey(entry('p5', 'sent')))).toBe(false);
    expect(reread.has(ledgerKey({ ...entry('p5', 'sent'), number: 3 }))).toBe(true);
    expect(await reread.settlePending()).toBe(1);
    expect(reread.data.entries.find((e) => e.partnership === 'claim-b')?.state).toBe('unconfirmed');
    expect(reread.has(ledgerKey(entry('claim-c', 'pending')))).toBe(false);
  });

  it('GIVEN the ledger held by a running bot THEN a second writer is refused', async () => {
    const store = await storeFrom(threeDueOnOneDay());
    const first = await openLedger(store.path, { lock: true });
    try {
      await expect(openLedger(store.path, { lock: true })).rejects.toThrow(
        /in use by another twinbot process/,
      );
    } finally {
      await first.close();
    }
  });
});
