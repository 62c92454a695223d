import { Temporal } from 'temporal-polyfill';
import {
  type AnniversaryWindow,
  anniversaryInYear,
  anniversaryMilestone,
  byPartnershipId,
  type Feb29Policy,
  type FoundAnniversary,
  isMilestoneYear,
} from '../domain/anniversary.ts';
import { dayKey, earliestKey, fuzzyDateParts, type Precision } from '../domain/fuzzy-date.ts';
import type { Partnership } from '../domain/partnership.ts';
import { deriveStatus, isCelebrated } from '../domain/status.ts';

type Celebrated = 'active' | 'disputed';

/**
 * A partnership as the index keeps it: the year its anniversaries count from, and its status as
 * steps (a status can only change on a day a dated milestone begins), so whether it is in force on
 * an anniversary is a look-up, not a walk through its milestones.
 */
interface Entry {
  partnership: Partnership;
  fromYear: number;
  /** Month and day its anniversaries fall on (MMDD): the 1st of the month when only the month is known, 1 January for a year. */
  monthDay: number;
  precision: Precision;
  /** The day keys on which its status may change, ascending. */
  changes: number[];
  /** The status before the first change, then from each change on (one more than `changes`). */
  statuses: readonly (Celebrated | undefined)[];
  /** In force (or disputed) on every anniversary it has, with nothing to change that: most partnerships. */
  steady: boolean;
}

/** Which anniversaries a period's question asks for. */
export interface AnniversaryQuery {
  window: AnniversaryWindow;
  feb29: Feb29Policy;
  /** Also those known only to the year (a question over whole calendar years). */
  yearOnly: boolean;
  /** Only the anniversaries with this number ("turning 50"). */
  turning?: number;
}

/** The anniversaries of a period, counted exactly; only those of one stretch of the list built. */
export interface AnniversaryPage {
  /** How many have a day or a month in the period, and how many only a year. */
  dated: number;
  yearOnly: number;
  /** The requested stretch of the list (dated ones in date order, then year-only ones), in order. */
  found: FoundAnniversary[];
}

/** Counts per month of a period's dated anniversaries, and how many of them are milestone years. */
export interface AnniversaryTally {
  months: { month: number; total: number; milestones: number }[];
  yearOnly: number;
}

/**
 * Partnerships by the day, the month or only the year their anniversaries count from. Each list is
 * kept in partnership-id order, the order of one day's anniversaries, and counts its steady
 * partnerships by the year they count from: how many anniversaries a day has in a year is then a
 * binary search, and a page of a period's list is found by skipping whole days to the one it
 * starts on. Counting a year costs its days; building a page costs that page.
 */
export class AnniversaryIndex {
  private readonly byDay = new Map<number, Bucket>();
  private readonly byMonth = new Map<number, Bucket>();
  private readonly yearOnly = new Bucket();
  /** Per month, its days' and its month-only partnerships as one list, for counting; made on first use after an edit. */
  private readonly wholeMonths = new Map<number, Bucket>();

  constructor(partnerships: readonly Partnership[]) {
    for (const p of partnerships) {
      const entry = entryOf(p);
      if (entry) this.bucketOf(entry.monthDay, entry.precision).entries.push(entry);
    }
    for (const bucket of [...this.byDay.values(), ...this.byMonth.values(), this.yearOnly]) bucket.sort();
  }

  /** Indexes a partnership (one an edit added or changed). */
  add(p: Partnership): void {
    const entry = entryOf(p);
    if (!entry) return;
    this.bucketOf(entry.monthDay, entry.precision).insert(entry);
    this.wholeMonths.delete(Math.floor(entry.monthDay / 100));
  }

  /** Takes out a partnership as it was indexed (one an edit changed or removed). */
  remove(p: Partnership): void {
    const from = anniversaryMilestone(p);
    if (!from) return;
    const { month = 1, day = 1, precision } = fuzzyDateParts(from.date);
    const entry = this.bucketOf(month * 100 + day, precision).remove(p);
    if (entry) this.wholeMonths.delete(Math.floor(entry.monthDay / 100));
  }

  get yearOnlyCount(): number {
    return this.yearOnly.entries.length;
  }

  /** Partnerships of the given precisions that can have an anniversary in the window. */
  candidates(window: AnniversaryWindow, precisions: readonly Precision[]): Partnership[] {
    const found: Partnership[] = [];
    const take = (bucket: Bucket | undefined) => {
      for (const entry of bucket?.entries ?? []) found.push(entry.partnership);
    };
    if (precisions.includes('day')) for (const key of dayKeys(window)) take(this.byDay.get(key));
    if (precisions.includes('month')) for (const month of months(window)) take(this.byMonth.get(month));
    if (precisions.includes('year')) take(this.yearOnly);
    return found;
  }

  /**
   * The period's anniversaries counted, and those at positions `start` to `start + count - 1` of
   * the list built: what a page of the answer shows, at the cost of a count plus one page. A month
   * the period covers whole is counted at once; only the month the page is in is walked day by day.
   */
  page(query: AnniversaryQuery, start: number, count: number): AnniversaryPage {
    const { window, turning, feb29 } = query;
    const found: FoundAnniversary[] = [];
    const end = start + count;
    let dated = 0;
    let yearOnly = 0;
    const walk = (buckets: readonly Bucket[], year: number, precision: 'dated' | 'year') => {
      const at = dated + yearOnly;
      const here = buckets.reduce((sum, bucket) => sum + bucket.count(year, turning, feb29), 0);
      if (precision === 'year') yearOnly += here;
      else dated += here;
      if (here === 0 || at + here <= start || at >= end) return;
      let i = at;
      inIdOrder(buckets, (entry) => {
        const status = statusIn(entry, year, turning, feb29);
        if (status === undefined) return;
        if (i >= start && i < end) {
          const a = anniversaryInYear(entry.partnership, year, feb29);
          if (a) found.push({ ...a, status });
        }
        i++;
      });
    };
    const first = dayKey(window.from);
    const last = dayKey(window.to);
    let month = window.from.toPlainYearMonth();
    const lastMonth = window.to.toPlainYearMonth();
    for (; Temporal.PlainYearMonth.compare(month, lastMonth) <= 0; month = month.add({ months: 1 })) {
      const { year, month: m, daysInMonth } = month;
      const firstKey = dayKey({ year, month: m, day: 1 });
      if (firstKey >= first && firstKey + daysInMonth - 1 <= last) {
        const at = dated + yearOnly;
        const here = this.monthCount(year, m, turning, feb29);
        if (at + here <= start || at >= end) {
          dated += here;
          continue;
        }
      }
      this.daysOf(month, window, feb29, (buckets) => walk(buckets, year, 'dated'));
    }
    if (query.yearOnly)
      for (let year = window.from.year; year <= window.to.year; year++) walk([this.yearOnly], year, 'year');
    return { dated, yearOnly, found };
  }

  /** How many anniversaries of a year fall in each month (and how many are milestone years), and how many only in the year. */
  tally(year: number, feb29: Feb29Policy): AnniversaryTally {
    const months = Array.from({ length: 12 }, (_, i) => {
      const month = i + 1;
      const buckets = this.monthBuckets(year, month, feb29);
      return {
        month,
        total: buckets.reduce((sum, bucket) => sum + bucket.count(year, undefined, feb29), 0),
        milestones: buckets.reduce((sum, bucket) => sum + bucket.milestones(year, undefined, feb29), 0),
      };
    });
    return { months, yearOnly: this.yearOnly.count(year, undefined, feb29) };
  }

  /** How many anniversaries fall in a month of a year, from its summary: no day is looked at. */
  private monthCount(year: number, month: number, turning: number | undefined, feb29: Feb29Policy): number {
    return this.monthBuckets(year, month, feb29).reduce(
      (sum, bucket) => sum + bucket.count(year, turning, feb29),
      0,
    );
  }

  /** The lists whose anniversaries fall in a month of a year: its days and its month-only ones together, and the 29 February ones where they fall that year. */
  private monthBuckets(year: number, month: number, feb29: Feb29Policy): Bucket[] {
    let whole = this.wholeMonths.get(month);
    if (!whole) {
      whole = new Bucket();
      for (const [key, bucket] of this.byDay)
        if (Math.floor(key / 100) === month && key !== FEB_29) whole.entries.push(...bucket.entries);
      whole.entries.push(...(this.byMonth.get(month)?.entries ?? []));
      this.wholeMonths.set(month, whole);
    }
    const leapDay = this.byDay.get(FEB_29);
    const leapMonth = isLeapYear(year) || feb29 === 'feb28' ? 2 : 3;
    return leapDay && leapMonth === month ? [whole, leapDay] : [whole];
  }

  /**
   * The days of one month of the period in order, each with the lists whose anniversaries fall on
   * it: the day's own, the month-only ones on the 1st of their month (or first, when the period
   * starts later in it), the 29 February ones on the day they move to in a common year.
   */
  private daysOf(
    month: Temporal.PlainYearMonth,
    window: AnniversaryWindow,
    feb29: Feb29Policy,
    visit: (buckets: Bucket[]) => void,
  ): void {
    const { year, month: m, daysInMonth, inLeapYear } = month;
    const last = dayKey(window.to);
    const monthOnly = this.byMonth.get(m);
    const firstDay = year === window.from.year && m === window.from.month ? window.from.day : 1;
    const firstKey = dayKey({ year, month: m, day: 1 });
    if (firstDay > 1 && monthOnly) visit([monthOnly]);
    for (let day = firstDay, key = firstKey + firstDay - 1; day <= daysInMonth && key <= last; day++, key++) {
      const buckets: Bucket[] = [];
      const own = this.byDay.get(m * 100 + day);
      if (own) buckets.push(own);
      if (day === 1 && firstDay === 1 && monthOnly) buckets.push(monthOnly);
      const moved = !inLeapYear && isFeb29Moved(m, day, feb29) && this.byDay.get(FEB_29);
      if (moved) buckets.push(moved);
      if (buckets.length > 0) visit(buckets);
    }
  }

  /** The list for anniversaries on a month and day (MMDD), or in a month, or only in a year. */
  private bucketOf(monthDay: number, precision: Precision): Bucket {
    if (precision === 'year') return this.yearOnly;
    const map = precision === 'month' ? this.byMonth : this.byDay;
    const key = precision === 'month' ? Math.floor(monthDay / 100) : monthDay;
    let bucket = map.get(key);
    if (!bucket) {
      bucket = new Bucket();
      map.set(key, bucket);
    }
    return bucket;
  }
}

/**
 * The partnerships of one day (or month, or year-only) in id order, with their steady ones counted
 * by the year they count from (distinct years ascending, and how many count from each year or
 * earlier), made again after an edit changed the list.
 */
class Bucket {
  entries: Entry[] = [];
  private summary: { years: number[]; upTo: number[]; uneven: Entry[] } | undefined;

  sort(): void {
    this.entries.sort((x, y) => byPartnershipId(x.partnership, y.partnership));
    this.summary = undefined;
  }

  insert(entry: Entry): void {
    let at = this.entries.length;
    while (at > 0 && byPartnershipId((this.entries[at - 1] as Entry).partnership, entry.partnership) > 0)
      at--;
    this.entries.splice(at, 0, entry);
    this.summary = undefined;
  }

  /** Takes a partnership out; the entry it had, if any. */
  remove(p: Partnership): Entry | undefined {
    const at = this.entries.findIndex((entry) => entry.partnership === p);
    if (at < 0) return undefined;
    this.summary = undefined;
    return this.entries.splice(at, 1)[0];
  }

  /** How many of its partnerships have an anniversary (with that number, if one is asked) on the day. */
  count(year: number, turning: number | undefined, feb29: Feb29Policy): number {
    const { years, upTo, uneven } = this.summarize();
    let found: number;
    if (turning === undefined) found = upTo[lastAtMost(years, year - 1)] ?? 0;
    else {
      const at = lastAtMost(years, year - turning);
      found = years[at] === year - turning ? (upTo[at] ?? 0) - (upTo[at - 1] ?? 0) : 0;
    }
    for (const entry of uneven) if (statusIn(entry, year, turning, feb29)) found++;
    return found;
  }

  /** How many of the day's anniversaries are milestone years (10th, 25th, 50th …). */
  milestones(year: number, turning: number | undefined, feb29: Feb29Policy): number {
    const { years, upTo, uneven } = this.summarize();
    let found = 0;
    for (let i = 0; i < years.length && (years[i] as number) < year; i++) {
      const n = year - (years[i] as number);
      if (isMilestoneYear(n) && (turning === undefined || n === turning))
        found += (upTo[i] as number) - (upTo[i - 1] ?? 0);
    }
    for (const entry of uneven) {
      if (statusIn(entry, year, turning, feb29) && isMilestoneYear(year - entry.fromYear)) found++;
    }
    return found;
  }

  private summarize(): { years: number[]; upTo: number[]; uneven: Entry[] } {
    if (this.summary) return this.summary;
    const byYear = new Map<number, number>();
    const uneven: Entry[] = [];
    for (const entry of this.entries) {
      if (entry.steady) byYear.set(entry.fromYear, (byYear.get(entry.fromYear) ?? 0) + 1);
      else uneven.push(entry);
    }
    const years = [...byYear.keys()].sort((a, b) => a - b);
    let total = 0;
    const upTo = years.map((year) => {
      total += byYear.get(year) ?? 0;
      return total;
    });
    this.summary = { years, upTo, uneven };
    return this.summary;
  }
}

/** The index of the last number not above `limit` in an ascending list, or -1. */
function lastAtMost(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) <= limit) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Not in force before its signing, in force from it on: shared by every partnership signed and nothing since. */
const SIGNED: readonly (Celebrated | undefined)[] = [undefined, 'active'];

function entryOf(p: Partnership): Entry | undefined {
  const from = anniversaryMilestone(p);
  if (!from) return undefined;
  const { year: fromYear, month = 1, day = 1, precision } = fuzzyDateParts(from.date);
  const monthDay = month * 100 + day;
  // Signed and nothing since, as most partnerships are: in force from the signing on.
  if (p.milestones.length === 1 && from.kind === 'signing') {
    const changes = [earliestKey(from.date)];
    return { partnership: p, fromYear, monthDay, precision, changes, statuses: SIGNED, steady: true };
  }
  const changes = [
    ...new Set(p.milestones.flatMap((m) => (m.date === undefined ? [] : [earliestKey(m.date)]))),
  ].sort((a, b) => a - b);
  const celebrated = (key: number): Celebrated | undefined => {
    const { status } = deriveStatus(p, {
      year: Math.floor(key / 10_000),
      month: Math.floor(key / 100) % 100,
      day: key % 100,
    });
    return isCelebrated(status) ? status : undefined;
  };
  const statuses = [celebrated((changes[0] ?? 0) - 1), ...changes.map(celebrated)];
  // Every anniversary falls on or after 1 January of the year after the one it counts from: the
  // statuses from there on are the only ones an anniversary can meet.
  const met = statuses.slice(lastAtMost(changes, dayKey({ year: fromYear + 1, month: 1, day: 1 })) + 1);
  const steady = met[0] !== undefined && met.every((status) => status === met[0]);
  return { partnership: p, fromYear, monthDay, precision, changes, statuses, steady };
}

/**
 * The partnership's status on its anniversary in a year, when it has one then (with that number, if
 * one is asked) and is in force on the first day it can fall on.
 */
function statusIn(
  entry: Entry,
  year: number,
  turning: number | undefined,
  feb29: Feb29Policy,
): Celebrated | undefined {
  const n = year - entry.fromYear;
  if (n < 1 || (turning !== undefined && n !== turning)) return undefined;
  const monthDay =
    entry.monthDay === FEB_29 && !isLeapYear(year) ? (feb29 === 'mar1' ? 301 : 228) : entry.monthDay;
  const key = year * 10_000 + monthDay;
  let i = entry.changes.length;
  while (i > 0 && (entry.changes[i - 1] as number) > key) i--;
  return entry.statuses[i];
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * The day's lists visited as one, in partnership-id order: a day's own list, the month-only ones on
 * the 1st, the 29 February ones on the day they move to. Merged in place, as a month's list is long.
 */
function inIdOrder(buckets: readonly Bucket[], visit: (entry: Entry) => void): void {
  const lists = buckets.map((bucket) => bucket.entries);
  const at = lists.map(() => 0);
  for (;;) {
    let pick = -1;
    for (let l = 0; l < lists.length; l++) {
      const candidate = lists[l]?.[at[l] as number];
      const best = pick < 0 ? undefined : lists[pick]?.[at[pick] as number];
      if (candidate && (!best || byPartnershipId(candidate.partnership, best.partnership) < 0)) pick = l;
    }
    if (pick < 0) return;
    visit(lists[pick]?.[at[pick] as number] as Entry);
    at[pick] = (at[pick] as number) + 1;
  }
}

const FEB_29 = 229;

/** Whether a 29 February signing's anniversary falls on this day of a common year. */
function isFeb29Moved(month: number, day: number, feb29: Feb29Policy): boolean {
  return feb29 === 'mar1' ? month === 3 && day === 1 : month === 2 && day === 28;
}

/** Month-day keys (MMDD) the window touches; a 29 February signing can fall on 28 February or 1 March. */
function dayKeys(window: AnniversaryWindow): Set<number> {
  const keys = new Set<number>();
  if (window.from.until(window.to).days >= 366) {
    for (let month = 1; month <= 12; month++) for (let day = 1; day <= 31; day++) keys.add(month * 100 + day);
    return keys;
  }
  for (
    let date = window.from;
    Temporal.PlainDate.compare(date, window.to) <= 0;
    date = date.add({ days: 1 })
  ) {
    keys.add(date.month * 100 + date.day);
  }
  if (keys.has(228) || keys.has(301)) keys.add(FEB_29);
  return keys;
}

function months(window: AnniversaryWindow): Set<number> {
  const found = new Set<number>();
  let month = window.from.toPlainYearMonth();
  const last = window.to.toPlainYearMonth();
  while (Temporal.PlainYearMonth.compare(month, last) <= 0 && found.size < 12) {
    found.add(month.month);
    month = month.add({ months: 1 });
  }
  return found;
}
