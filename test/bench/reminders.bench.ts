/**
 * Benchmark: the reminder tick with 50,000 partnerships and 100 targets, and a simulated year at
 * 25,000 partnerships with the ledger growing (issue 18: the last day's tick within 2x of the
 * first). Prints figures; asserts nothing. Run with `npm run bench`.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Temporal } from 'temporal-polyfill';
import type { ReminderTarget } from '../../src/domain/reminder.ts';
import { remindersDueOn } from '../../src/reminders/due.ts';
import { ledgerPathFor, openLedger } from '../../src/reminders/ledger.ts';
import { ReminderScheduler } from '../../src/reminders/scheduler.ts';
import { writeFileDurably } from '../../src/store/durable-write.ts';
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

// A year with the ledger growing day by day, at the size: 25,000 partnerships, 20 city targets
// and one `remind here for all`. The year runs on tmpfs (fsync is free there, so a year of posts
// takes seconds, not minutes); its first and last days are also run on the real disk, on a copy of
// the ledger as it stood, since a flushed append per post is part of the honest cost.
const YEAR_PARTNERSHIPS = 25_000;
const yearData = syntheticStore(YEAR_PARTNERSHIPS);
const busiest = new Map<string, number>();
for (const p of yearData.partnerships) for (const c of p.cities) busiest.set(c, (busiest.get(c) ?? 0) + 1);
const cityTargets: ReminderTarget[] = [...busiest.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 20)
  .map(([city], i) => ({
    id: `discord:1000:${3000 + i}`,
    timeZone: 'Europe/Prague',
    postAt: '09:00',
    leads: [30, 7, 0],
    filter: { city },
    enabled: true,
  }));
const everything: ReminderTarget = {
  id: 'discord:1000:4000',
  timeZone: 'Europe/Prague',
  postAt: '09:00',
  leads: [30, 7, 0],
  enabled: true,
};
const yearInput = { ...yearData, reminders: { targets: [...cityTargets, everything] } };
const memoryFolder = existsSync('/dev/shm')
  ? await mkdtemp(join('/dev/shm', 'twinbot-bench-'))
  : await tempDir();
const diskFolder = await tempDir();
const memoryStore = await Store.create(join(memoryFolder, 'year.json'), yearInput);
const diskStore = await Store.create(join(diskFolder, 'year.json'), yearInput);
const firstDay = Temporal.PlainDate.from('2027-02-03');
const DAYS = 365;
const noon = (day: Temporal.PlainDate) =>
  day.toZonedDateTime({ timeZone: 'UTC', plainTime: '12:00' }).toInstant();

/** One day's tick on a ledger as it stands on the real disk: a new scheduler that does exactly that day. */
async function diskTick(day: Temporal.PlainDate) {
  const ledger = await openLedger(diskStore.path, { lock: true });
  const dayScheduler = new ReminderScheduler(diskStore, ledger, deliveries);
  const begun = performance.now();
  const posts = (await dayScheduler.tick(noon(day))).posted.length;
  const ms = performance.now() - begun;
  await ledger.close();
  return { ms, posts };
}

const diskFirst = await diskTick(firstDay);
const yearLedger = await openLedger(memoryStore.path, { lock: true });
const yearScheduler = new ReminderScheduler(memoryStore, yearLedger, deliveries);
const days: { ms: number; posts: number }[] = [];
const yearBegun = performance.now();
for (let d = 0; d < DAYS; d++) {
  if (d === DAYS - 1) {
    // The disk's copy of the ledger as it stands before the last day.
    await yearLedger.close();
    await copyFile(await ledgerPathFor(memoryStore.path), await ledgerPathFor(diskStore.path));
  }
  started = performance.now();
  const posts = (await yearScheduler.tick(noon(firstDay.add({ days: d })))).posted.length;
  days.push({ ms: performance.now() - started, posts });
}
const yearSeconds = (performance.now() - yearBegun) / 1000;
const diskLast = await diskTick(firstDay.add({ days: DAYS - 1 }));
const entries = yearLedger.data.entries.length;
const week = (list: typeof days) => {
  const ms = list.map((x) => x.ms).sort((a, b) => a - b);
  return {
    ms: ms[Math.floor(ms.length / 2)] as number,
    posts: list.reduce((n, x) => n + x.posts, 0) / list.length,
  };
};
const firstWeek = week(days.slice(0, 7));
const lastWeek = week(days.slice(-7));
const fmt = (x: { ms: number; posts: number }) => `${x.ms.toFixed(0)} ms (${x.posts.toFixed(0)} posts)`;
console.log(
  `simulated year, ${YEAR_PARTNERSHIPS} partnerships, 20 city targets + 1 for all, ledger growing to ${entries} entries: ${yearSeconds.toFixed(1)} s`,
);
console.log(
  `  daily tick on tmpfs, median of the first week ${fmt(firstWeek)}, of the last week ${fmt(lastWeek)}: last/first ${(lastWeek.ms / firstWeek.ms).toFixed(2)}x (target under 2x)`,
);
console.log(
  `  daily tick on disk, first day ${fmt(diskFirst)}, last day ${fmt(diskLast)}: last/first ${(diskLast.ms / diskFirst.ms).toFixed(2)}x, per post ${(diskLast.ms / diskLast.posts / (diskFirst.ms / diskFirst.posts)).toFixed(2)}x (target under 2x)`,
);

// The reference kept in the same run: what one post cost the ledger before the journal (the whole
// ledger rewritten, twice per post), beside one flushed append, at the year's final size.
const ledgerData = yearLedger.data;
const oldStyle = join(diskFolder, 'old-style.ledger.json');
const rewrites: number[] = [];
for (let i = 0; i < 5; i++) {
  started = performance.now();
  await writeFileDurably(oldStyle, JSON.stringify(ledgerData, null, 2));
  rewrites.push(performance.now() - started);
}
const appendLedger = await openLedger(diskStore.path);
const appends: number[] = [];
for (let i = 0; i < 20; i++) {
  started = performance.now();
  await appendLedger.markProgress({ 'discord:1000:4000': '2028-02-02' });
  appends.push(performance.now() - started);
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;
console.log(
  `  one ledger write at ${entries} entries: whole-file rewrite (before the journal, twice per post) ${median(rewrites).toFixed(1)} ms, flushed append ${median(appends).toFixed(1)} ms: ${(median(rewrites) / median(appends)).toFixed(0)}x`,
);
await rm(memoryFolder, { recursive: true, force: true });
