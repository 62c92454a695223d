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
 * How the status of a partnership whose status changes after its first anniversary goes: the year
 * its anniversaries count from, and its status as steps (a status can only change on a day a dated
 * milestone begins), so whether it is in force on an anniversary is a look-up, not a walk through
 * its milestones. Only these few partnerships have one; the rest are kept as one number each.
 */
interface Steps {
  fromYear: number;
  /** Month and day its anniversaries fall on (MMDD): the 1st of the month when only the month is known, 1 January for a year. */
  monthDay: number;
  /** The day keys on which its status may change, ascending. */
  changes: readonly number[];
  /** The status before the first change, then from each change on (one more than `changes`). */
  statuses: readonly (Celebrated | undefined)[];
}

/**
 * A partnership in a list as one small integer: the year its anniversaries count from times four,
 * plus how its status goes on them: in force (or disputed) on every anniversary it has, as most
 * partnerships are, or UNEVEN, when the number of its Steps stands in place of the year. An object
 * per partnership cost 19 MB at 100,000.
 */
const UNEVEN = 0;
const STEADY: Record<Celebrated, number> = { active: 1, disputed: 2 };
const STEADY_STATUS: readonly (Celebrated | undefined)[] = [undefined, 'active', 'disputed'];
const codeOf = (fromYear: number, kind: number) => fromYear * 4 + kind;
const yearOf = (code: number) => code >> 2;
const kindOf = (code: number) => code & 3;

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
  /** The partnerships whose status changes after their first anniversary, with how it does. */
  private readonly steps: (Steps | undefined)[] = [];
  private readonly yearOnly = new Bucket(this.steps);
  /** Per month, its days' and its month-only partnerships counted as one, for counting; made on first use after an edit. */
  private readonly wholeMonths = new Map<number, Counts>();

  constructor(partnerships: readonly Partnership[]) {
    for (const p of partnerships) {
      const place = this.placeOf(p);
      if (place) this.bucketOf(place.monthDay, place.precision).push(p, place.code);
    }
    for (const bucket of [...this.byDay.values(), ...this.byMonth.values(), this.yearOnly]) bucket.sort();
  }

  /** Indexes a partnership (one an edit added or changed). */
  add(p: Partnership): void {
    const place = this.placeOf(p);
    if (!place) return;
    this.bucketOf(place.monthDay, place.precision).insert(p, place.code);
    this.wholeMonths.delete(Math.floor(place.monthDay / 100));
  }

  /** Takes out a partnership as it was indexed (one an edit changed or removed). */
  remove(p: Partnership): void {
    const from = anniversaryMilestone(p);
    if (!from) return;
    const { month = 1, day = 1, precision } = fuzzyDateParts(from.date);
    const code = this.bucketOf(month * 100 + day, precision).remove(p);
    if (code === undefined) return;
    this.wholeMonths.delete(month);
    if (kindOf(code) === UNEVEN) this.steps[yearOf(code)] = undefined;
  }

  get yearOnlyCount(): number {
    return this.yearOnly.partnerships.length;
  }

  /** Partnerships of the given precisions that can have an anniversary in the window. */
  candidates(window: AnniversaryWindow, precisions: readonly Precision[]): Partnership[] {
    const found: Partnership[] = [];
    const take = (bucket: Bucket | undefined) => {
      for (const p of bucket?.partnerships ?? []) found.push(p);
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
      const here = buckets.reduce((sum, bucket) => sum + bucket.counts().count(year, turning, feb29), 0);
      if (precision === 'year') yearOnly += here;
      else dated += here;
      if (here === 0 || at + here <= start || at >= end) return;
      let i = at;
      inIdOrder(buckets, (bucket, k) => {
        const status = bucket.statusAt(k, year, turning, feb29);
        if (status === undefined) return;
        if (i >= start && i < end) {
          const a = anniversaryInYear(bucket.partnerships[k] as Partnership, year, feb29);
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
      const counts = this.monthCounts(year, month, feb29);
      return {
        month,
        total: counts.reduce((sum, c) => sum + c.count(year, undefined, feb29), 0),
        milestones: counts.reduce((sum, c) => sum + c.milestones(year, undefined, feb29), 0),
      };
    });
    return { months, yearOnly: this.yearOnly.counts().count(year, undefined, feb29) };
  }

  /** How many anniversaries fall in a month of a year, from its summary: no day is looked at. */
  private monthCount(year: number, month: number, turning: number | undefined, feb29: Feb29Policy): number {
    return this.monthCounts(year, month, feb29).reduce((sum, c) => sum + c.count(year, turning, feb29), 0);
  }

  /** The counts of the anniversaries that fall in a month of a year: its days and its month-only ones together, and the 29 February ones where they fall that year. */
  private monthCounts(year: number, month: number, feb29: Feb29Policy): Counts[] {
    let whole = this.wholeMonths.get(month);
    if (!whole) {
      const buckets = [...this.byDay].flatMap(([key, bucket]) =>
        Math.floor(key / 100) === month && key !== FEB_29 ? [bucket] : [],
      );
      const monthOnly = this.byMonth.get(month);
      whole = new Counts(monthOnly ? [...buckets, monthOnly] : buckets, this.steps);
      this.wholeMonths.set(month, whole);
    }
    const leapDay = this.byDay.get(FEB_29);
    const leapMonth = isLeapYear(year) || feb29 === 'feb28' ? 2 : 3;
    return leapDay && leapMonth === month ? [whole, leapDay.counts()] : [whole];
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
      bucket = new Bucket(this.steps);
      map.set(key, bucket);
    }
    return bucket;
  }

  /**
   * Where a partnership goes and its code (see codeOf), its Steps kept when its status changes
   * after its first anniversary; nothing when it has no anniversaries.
   */
  private placeOf(p: Partnership): { monthDay: number; precision: Precision; code: number } | undefined {
    const from = anniversaryMilestone(p);
    if (!from) return undefined;
    const { year: fromYear, month = 1, day = 1, precision } = fuzzyDateParts(from.date);
    const monthDay = month * 100 + day;
    // Signed and nothing since, as most partnerships are: in force from the signing on.
    if (p.milestones.length === 1 && from.kind === 'signing')
      return { monthDay, precision, code: codeOf(fromYear, STEADY.active) };
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
    const steady = met[0];
    if (steady !== undefined && met.every((status) => status === steady))
      return { monthDay, precision, code: codeOf(fromYear, STEADY[steady]) };
    this.steps.push({ fromYear, monthDay, changes, statuses: sharedStatuses(statuses) });
    return { monthDay, precision, code: codeOf(this.steps.length - 1, UNEVEN) };
  }
}

/** The partnerships of one day (or month, or year-only) in id order, each with its code (see codeOf). */
class Bucket {
  partnerships: Partnership[] = [];
  codes = new Int32Array(0);
  /** Codes as pushed while the index is built, before the list is put in order. */
  private pushed: number[] = [];
  private summary: Counts | undefined;

  constructor(private readonly steps: readonly (Steps | undefined)[]) {}

  push(p: Partnership, code: number): void {
    this.partnerships.push(p);
    this.pushed.push(code);
  }

  /** Puts the list in id order (once, after it was built), as lists cut to their length. */
  sort(): void {
    const order = this.partnerships.map((_, i) => i);
    order.sort((x, y) =>
      byPartnershipId(this.partnerships[x] as Partnership, this.partnerships[y] as Partnership),
    );
    this.partnerships = order.map((i) => this.partnerships[i] as Partnership);
    this.codes = Int32Array.from(order, (i) => this.pushed[i] as number);
    this.pushed = [];
    this.summary = undefined;
  }

  insert(p: Partnership, code: number): void {
    let at = this.partnerships.length;
    while (at > 0 && byPartnershipId(this.partnerships[at - 1] as Partnership, p) > 0) at--;
    this.partnerships.splice(at, 0, p);
    const codes = new Int32Array(this.codes.length + 1);
    codes.set(this.codes.subarray(0, at));
    codes[at] = code;
    codes.set(this.codes.subarray(at), at + 1);
    this.codes = codes;
    this.summary = undefined;
  }

  /** Takes a partnership out; the code it had, if it was there. */
  remove(p: Partnership): number | undefined {
    const at = this.partnerships.indexOf(p);
    if (at < 0) return undefined;
    this.partnerships.splice(at, 1);
    const code = this.codes[at] as number;
    const codes = new Int32Array(this.codes.length - 1);
    codes.set(this.codes.subarray(0, at));
    codes.set(this.codes.subarray(at + 1), at);
    this.codes = codes;
    this.summary = undefined;
    return code;
  }

  /**
   * The status on its anniversary in a year of the partnership at `i`, when it has one then (with
   * that number, if one is asked) and is in force on the first day it can fall on.
   */
  statusAt(i: number, year: number, turning: number | undefined, feb29: Feb29Policy): Celebrated | undefined {
    const code = this.codes[i] as number;
    const kind = kindOf(code);
    if (kind === UNEVEN) return statusIn(this.steps[yearOf(code)] as Steps, year, turning, feb29);
    const n = year - yearOf(code);
    return n < 1 || (turning !== undefined && n !== turning) ? undefined : STEADY_STATUS[kind];
  }

  counts(): Counts {
    this.summary ??= new Counts([this], this.steps);
    return this.summary;
  }
}

/**
 * The steady partnerships of some lists counted by the year they count from (distinct years
 * ascending, and how many count from each year or earlier), and the others' Steps: made again
 * after an edit changed a list.
 */
class Counts {
  private readonly years: number[];
  private readonly upTo: number[];
  private readonly uneven: Steps[] = [];

  constructor(buckets: readonly Bucket[], steps: readonly (Steps | undefined)[]) {
    const byYear = new Map<number, number>();
    for (const bucket of buckets) {
      for (const code of bucket.codes) {
        if (kindOf(code) === UNEVEN) this.uneven.push(steps[yearOf(code)] as Steps);
        else byYear.set(yearOf(code), (byYear.get(yearOf(code)) ?? 0) + 1);
      }
    }
    this.years = [...byYear.keys()].sort((a, b) => a - b);
    let total = 0;
    this.upTo = this.years.map((year) => {
      total += byYear.get(year) ?? 0;
      return total;
    });
  }

  /** How many of the partnerships have an anniversary (with that number, if one is asked) in the year. */
  count(year: number, turning: number | undefined, feb29: Feb29Policy): number {
    const { years, upTo } = this;
    let found: number;
    if (turning === undefined) found = upTo[lastAtMost(years, year - 1)] ?? 0;
    else {
      const at = lastAtMost(years, year - turning);
      found = years[at] === year - turning ? (upTo[at] ?? 0) - (upTo[at - 1] ?? 0) : 0;
    }
    for (const steps of this.uneven) if (statusIn(steps, year, turning, feb29)) found++;
    return found;
  }

  /** How many of those anniversaries are milestone years (10th, 25th, 50th …). */
  milestones(year: number, turning: number | undefined, feb29: Feb29Policy): number {
    const { years, upTo } = this;
    let found = 0;
    for (let i = 0; i < years.length && (years[i] as number) < year; i++) {
      const n = year - (years[i] as number);
      if (isMilestoneYear(n) && (turning === undefined || n === turning))
        found += (upTo[i] as number) - (upTo[i - 1] ?? 0);
    }
    for (const steps of this.uneven) {
      if (statusIn(steps, year, turning, feb29) && isMilestoneYear(year - steps.fromYear)) found++;
    }
    return found;
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

/** Lists of statuses are few patterns: one list each. */
const statusLists = new Map<string, readonly (Celebrated | undefined)[]>();

function sharedStatuses(statuses: (Celebrated | undefined)[]): readonly (Celebrated | undefined)[] {
  const key = statuses.join(',');
  const shared = statusLists.get(key);
  if (shared) return shared;
  statusLists.set(key, Object.freeze(statuses));
  return statuses;
}

/**
 * The partnership's status on its anniversary in a year, when it has one then (with that number, if
 * one is asked) and is in force on the first day it can fall on.
 */
function statusIn(
  steps: Steps,
  year: number,
  turning: number | undefined,
  feb29: Feb29Policy,
): Celebrated | undefined {
  const n = year - steps.fromYear;
  if (n < 1 || (turning !== undefined && n !== turning)) return undefined;
  const monthDay =
    steps.monthDay === FEB_29 && !isLeapYear(year) ? (feb29 === 'mar1' ? 301 : 228) : steps.monthDay;
  const key = year * 10_000 + monthDay;
  let i = steps.changes.length;
  while (i > 0 && (steps.changes[i - 1] as number) > key) i--;
  return steps.statuses[i];
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * The day's lists visited as one, in partnership-id order: a day's own list, the month-only ones on
 * the 1st, the 29 February ones on the day they move to. Merged in place, as a month's list is long.
 */
function inIdOrder(buckets: readonly Bucket[], visit: (bucket: Bucket, i: number) => void): void {
  const at = buckets.map(() => 0);
  for (;;) {
    let pick = -1;
    let best: Partnership | undefined;
    buckets.forEach((bucket, l) => {
      const candidate = bucket.partnerships[at[l] as number];
      if (candidate && (!best || byPartnershipId(candidate, best) < 0)) {
        pick = l;
        best = candidate;
      }
    });
    if (pick < 0) return;
    visit(buckets[pick] as Bucket, at[pick] as number);
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
