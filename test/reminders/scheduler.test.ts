import { readFile } from 'node:fs/promises';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { ledgerKey } from '../../src/domain/reminder.ts';
import type { Delivery, DeliveryResult } from '../../src/reminders/delivery.ts';
import { openLedger } from '../../src/reminders/ledger.ts';
import { ReminderScheduler } from '../../src/reminders/scheduler.ts';
import {
  formatPost,
  type Simulation,
  simulateInMemory,
  simulateReminders,
} from '../../src/reminders/simulate.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { smallStore, storeFrom } from '../fixtures/knowledge-base.ts';

const day = Temporal.PlainDate.from;
const instant = Temporal.Instant.from;

function withTargets(data: StoreInput = smallStore()): StoreInput {
  return {
    ...data,
    reminders: {
      targets: [
        { id: 'console', timeZone: 'UTC' },
        { id: 'slack:T1:C1', timeZone: 'Europe/Prague', postAt: '10:30', leads: [0] },
      ],
    },
  };
}

async function withLedger(data = withTargets()) {
  const store = await storeFrom(data);
  return { store, ledger: await openLedger(store.path) };
}

async function simulate(
  simulation: Partial<Simulation> & Pick<Simulation, 'from' | 'to'>,
  data = withTargets(),
) {
  const { store, ledger } = await withLedger(data);
  const result = await simulateReminders(store, ledger, simulation);
  return { ...result, lines: result.posts.map(formatPost), store, ledger };
}

const keyOf = (line: string) =>
  line
    .split(' ')
    .slice(3, 7)
    .concat(line.split(' ')[2] ?? '')
    .join(' ');

describe('reminders over a simulated year', () => {
  it('GIVEN the seed and a year THEN every reminder is posted exactly once, at the post time, for active partnerships only', async () => {
    const seed = JSON.parse(await readFile(SEED_PATH, 'utf8')) as StoreInput;
    const { lines } = await simulate({ from: day('2027-01-01'), to: day('2027-12-31') }, withTargets(seed));
    expect(new Set(lines.map(keyOf)).size).toBe(lines.length);
    expect(lines).toContain('2027-05-04 09:00 UTC console le-mans-fr--paderborn-de 60 30');
    expect(lines).toContain('2027-05-27 09:00 UTC console le-mans-fr--paderborn-de 60 7');
    expect(lines).toContain('2027-06-03 09:00 UTC console le-mans-fr--paderborn-de 60 0');
    expect(lines).toContain('2027-06-03 10:30 Europe/Prague slack:T1:C1 le-mans-fr--paderborn-de 60 0');
    expect(lines).toContain('2027-10-01 09:00 UTC console concord-california-us--kitakami-jp 53 month');
    expect(lines.join('\n')).not.toContain('prague-cz--shanghai-cn');
  });

  it('GIVEN restarts mid-day and at the post time THEN the posts are exactly those of an uninterrupted run', async () => {
    const span = { from: day('2027-05-01'), to: day('2027-06-30') };
    const plain = await simulate(span);
    const restarted = await simulate({
      ...span,
      restarts: [
        instant('2027-06-03T09:00:00Z'),
        instant('2027-06-03T12:00:00Z'),
        instant('2027-06-04T00:15:00Z'),
      ],
    });
    expect(restarted.lines).toEqual(plain.lines);
    expect(plain.lines.length).toBeGreaterThan(0);
  });

  it('GIVEN two days down THEN what fell due is posted once on return, marked late', async () => {
    const { lines, missed } = await simulate({
      from: day('2027-06-01'),
      to: day('2027-06-05'),
      down: { from: day('2027-06-02'), to: day('2027-06-03') },
    });
    expect(lines).toContain('2027-06-04 00:00 UTC console le-mans-fr--paderborn-de 60 0 late');
    expect(lines.filter((l) => l.includes('le-mans-fr--paderborn-de 60 0'))).toHaveLength(2);
    expect(missed).toBe(0);
  });

  it('GIVEN thirty days down THEN older misses are recorded as missed, not flooded into the channel', async () => {
    const { lines, missed, ledger } = await simulate({
      from: day('2027-04-30'),
      to: day('2027-06-05'),
      down: { from: day('2027-05-01'), to: day('2027-05-30') },
    });
    expect(lines.join('\n')).not.toContain('le-mans-fr--paderborn-de 60 30');
    expect(lines.join('\n')).not.toContain('le-mans-fr--paderborn-de 60 7');
    expect(missed).toBeGreaterThanOrEqual(2);
    expect(
      ledger.data.entries.find((e) => e.partnership === 'le-mans-fr--paderborn-de' && e.lead === 7)?.state,
    ).toBe('missed');
    expect(lines).toContain('2027-06-03 09:00 UTC console le-mans-fr--paderborn-de 60 0');
  });

  it('GIVEN restarts, an outage and a deleted channel THEN a simulation in memory posts, misses and disables exactly what one on files does', async () => {
    const simulation: Simulation = {
      from: day('2027-05-01'),
      to: day('2027-06-30'),
      restarts: [instant('2027-06-03T09:00:00Z')],
      down: { from: day('2027-06-10'), to: day('2027-06-20') },
      goneTargets: new Set(['slack:T1:C1']),
    };
    const onFiles = await simulate(simulation);
    const streamed: string[] = [];
    const data = (await storeFrom(withTargets())).catalog.data;
    const inMemory = await simulateInMemory(data, simulation, (post) => streamed.push(formatPost(post)));
    expect(inMemory.posts.map(formatPost)).toEqual(onFiles.lines);
    expect(streamed).toEqual(onFiles.lines);
    expect(inMemory.missed).toBe(onFiles.missed);
    expect(inMemory.disabled).toEqual(onFiles.disabled);
    expect(onFiles.lines.length).toBeGreaterThan(0);
    expect(onFiles.disabled).toHaveLength(1);
  });

  it('GIVEN a deleted channel THEN its target is disabled with the reason and the other target keeps posting', async () => {
    const { lines, disabled, store } = await simulate({
      from: day('2027-06-01'),
      to: day('2027-06-05'),
      goneTargets: new Set(['slack:T1:C1']),
    });
    expect(disabled).toEqual([{ target: 'slack:T1:C1', reason: 'channel_not_found' }]);
    const target = store.catalog.data.reminders.targets.find((t) => t.id === 'slack:T1:C1');
    expect(target).toMatchObject({ enabled: false, disabled: { reason: 'channel_not_found' } });
    expect(lines).toContain('2027-06-03 09:00 UTC console le-mans-fr--paderborn-de 60 0');
  });
});

describe('ReminderScheduler', () => {
  function recording(results: DeliveryResult[] = []) {
    const posted: string[] = [];
    const delivery: Delivery = {
      deliver: async (target, message) => {
        const result = results.shift() ?? { ok: true };
        if (result.ok) posted.push(`${target}: ${message.title}`);
        return result;
      },
    };
    return { posted, delivery };
  }

  it('GIVEN the same instant ticked twice THEN the second tick posts nothing', async () => {
    const { store, ledger } = await withLedger();
    const { posted, delivery } = recording();
    const scheduler = new ReminderScheduler(store, ledger, { console: delivery });
    await scheduler.tick(instant('2027-06-03T09:00:00Z'));
    const first = posted.length;
    await scheduler.tick(instant('2027-06-03T09:00:00Z'));
    await new ReminderScheduler(store, ledger, { console: delivery }).tick(instant('2027-06-03T09:01:00Z'));
    expect(first).toBe(1);
    expect(posted).toEqual(['console: 🎉 60th anniversary: Le Mans – Paderborn (a milestone year)']);
  });

  it('GIVEN a crash after the platform accepted a post but before the ledger settled THEN start settles it and never posts it again', async () => {
    const { store, ledger } = await withLedger();
    const { posted, delivery } = recording();
    const crashed = new ReminderScheduler(store, ledger, {
      console: { deliver: () => new Promise<DeliveryResult>(() => {}) },
    });
    void crashed.tick(instant('2027-06-03T09:00:00Z'));
    await waitFor(() => ledger.data.entries.some((e) => e.state === 'pending'));
    const reopened = await openLedger(store.path);
    const restarted = new ReminderScheduler(store, reopened, { console: delivery });
    expect(await restarted.settlePending()).toBe(1);
    await restarted.tick(instant('2027-06-03T09:15:00Z'));
    expect(posted).toEqual([]);
    const entry = reopened.data.entries.find((e) => e.partnership === 'le-mans-fr--paderborn-de');
    expect(entry?.state).toBe('unconfirmed');
  });

  it('GIVEN a rate limit THEN nothing is recorded and the reminder goes out once on a later tick', async () => {
    const { store, ledger } = await withLedger();
    const { posted, delivery } = recording([{ ok: false, reason: 'rate_limited', detail: 'retry after 2s' }]);
    const scheduler = new ReminderScheduler(store, ledger, { console: delivery });
    await scheduler.tick(instant('2027-06-03T09:00:00Z'));
    expect(posted).toEqual([]);
    expect(ledger.data.entries).toEqual([]);
    await scheduler.tick(instant('2027-06-03T09:01:00Z'));
    await scheduler.tick(instant('2027-06-03T09:02:00Z'));
    expect(posted).toHaveLength(1);
    expect(ledger.data.entries.map(ledgerKey)).toEqual(['console|le-mans-fr--paderborn-de|60|0']);
  });

  it('GIVEN a platform that is not running THEN its targets wait and nothing is marked handled', async () => {
    const { store, ledger } = await withLedger();
    const { delivery } = recording();
    await new ReminderScheduler(store, ledger, { console: delivery }).tick(instant('2027-06-03T09:00:00Z'));
    expect(ledger.data.progress).toEqual({ console: '2027-06-03' });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}
