/**
 * Benchmark: the reminder tick with 50,000 partnerships and 100 targets, and a simulated year of
 * ticks. Prints figures; asserts nothing. Run with `npm run bench`.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Temporal } from 'temporal-polyfill';
import type { ReminderTarget } from '../../src/domain/reminder.ts';
import { remindersDueOn } from '../../src/reminders/due.ts';
import { openLedger } from '../../src/reminders/ledger.ts';
import { ReminderScheduler } from '../../src/reminders/scheduler.ts';
import { SIMULATED_TICK_MINUTES, simulateReminders } from '../../src/reminders/simulate.ts';
import { Store } from '../../src/store/store.ts';
import { syntheticStore, tempDir } from '../fixtures/knowledge-base.ts';

const TARGETS = 100;
const ZONES = ['Europe/Prague', 'America/New_York', 'Asia/Tokyo', 'Asia/Kolkata', 'America/Santiago'];

async function storeWithTargets(): Promise<Store> {
  const data = syntheticStore();
  const cities = data.cities.slice(0, TARGETS);
  const targets: ReminderTarget[] = cities.map((city, i) => ({
    id: `discord:1000:${2000 + i}`,
    timeZone: ZONES[i % ZONES.length] as string,
    postAt: '09:00',
    leads: [30, 7, 0],
    filter: { city: city.id },
    enabled: true,
  }));
  return Store.create(join(await tempDir(), 'reminders-bench.json'), { ...data, reminders: { targets } });
}

const store = await storeWithTargets();
const accept = { deliver: async () => ({ ok: true as const }) };
const deliveries = { discord: accept };

// The first tick of a day does each target's work for that day; later ticks find nothing to do.
const scheduler = new ReminderScheduler(store, await openLedger(store.path), deliveries);
let started = performance.now();
const first = await scheduler.tick(Temporal.Instant.from('2027-06-03T23:59:00Z'));
console.log(
  `first tick, ${TARGETS} targets at their post time: ${(performance.now() - started).toFixed(1)} ms (${first.posted.length} posts)`,
);
// Each day at 23:59 UTC every target has passed its post time: the tick that does a day's work.
const warmUpDays = 20;
const workDays = 90;
let workTotal = 0;
let workPosts = 0;
for (let day = 1; day <= warmUpDays + workDays; day++) {
  const at = Temporal.PlainDate.from('2027-06-04')
    .add({ days: day })
    .toZonedDateTime({ timeZone: 'UTC', plainTime: '23:59' })
    .toInstant();
  started = performance.now();
  const posted = (await scheduler.tick(at)).posted.length;
  if (day <= warmUpDays) continue;
  workPosts += posted;
  workTotal += performance.now() - started;
}
console.log(
  `daily work tick (every target at its post time), mean over ${workDays} days: ${(workTotal / workDays).toFixed(1)} ms (${workPosts} posts in all)`,
);
const idleRuns = 1000;
started = performance.now();
for (let i = 0; i < idleRuns; i++) await scheduler.tick(Temporal.Instant.from('2027-09-23T00:00:00Z'));
console.log(
  `idle tick (nothing due yet), ${TARGETS} targets: ${(((performance.now() - started) / idleRuns) * 1000).toFixed(0)} µs`,
);

const unfiltered = { leads: [30, 7, 0] };
started = performance.now();
const due = remindersDueOn(Temporal.PlainDate.from('2027-06-03'), unfiltered, store.catalog);
console.log(
  `one day's due reminders for an unfiltered target over 50,000 partnerships: ${(performance.now() - started).toFixed(1)} ms (${due.length} due)`,
);

const yearStore = await storeWithTargets();
started = performance.now();
const year = await simulateReminders(yearStore, await openLedger(yearStore.path), {
  from: Temporal.PlainDate.from('2027-01-01'),
  to: Temporal.PlainDate.from('2027-12-31'),
});
const ticks = (365 * 24 * 60) / SIMULATED_TICK_MINUTES;
console.log(
  `simulated year, ${ticks} ticks of ${TARGETS} targets: ${((performance.now() - started) / 1000).toFixed(1)} s (${year.posts.length} posts, ${(((performance.now() - started) / ticks) * 1000).toFixed(0)} µs per tick on average)`,
);
