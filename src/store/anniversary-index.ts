import { Temporal } from 'temporal-polyfill';
import { type AnniversaryWindow, anniversaryMilestone } from '../domain/anniversary.ts';
import { fuzzyDateParts, type Precision } from '../domain/fuzzy-date.ts';
import type { Partnership } from '../domain/partnership.ts';

/**
 * Partnerships by the day, the month or only the year their anniversaries count from, so finding
 * the anniversaries of a day or a month looks at those partnerships alone, not at all of them.
 */
export class AnniversaryIndex {
  private readonly byDay = new Map<number, Partnership[]>();
  private readonly byMonth = new Map<number, Partnership[]>();

  private yearOnly: Partnership[] = [];

  constructor(partnerships: readonly Partnership[]) {
    for (const p of partnerships) this.add(p);
  }

  /** Indexes a partnership (one an edit added or changed). */
  add(p: Partnership): void {
    const from = anniversaryMilestone(p);
    if (!from) return;
    const { month, day } = fuzzyDateParts(from.date);
    if (month === undefined) this.yearOnly.push(p);
    else if (day === undefined) push(this.byMonth, month, p);
    else push(this.byDay, month * 100 + day, p);
  }

  /** Takes out a partnership as it was indexed (one an edit changed or removed). */
  remove(p: Partnership): void {
    const from = anniversaryMilestone(p);
    if (!from) return;
    const { month, day } = fuzzyDateParts(from.date);
    const without = (list: Partnership[]) => list.filter((x) => x !== p);
    if (month === undefined) this.yearOnly = without(this.yearOnly);
    else {
      const map = day === undefined ? this.byMonth : this.byDay;
      const key = day === undefined ? month : month * 100 + day;
      map.set(key, without(map.get(key) ?? []));
    }
  }

  get yearOnlyCount(): number {
    return this.yearOnly.length;
  }

  /** Partnerships of the given precisions that can have an anniversary in the window. */
  candidates(window: AnniversaryWindow, precisions: readonly Precision[]): Partnership[] {
    const found: Partnership[] = [];
    if (precisions.includes('day')) {
      for (const key of dayKeys(window)) found.push(...(this.byDay.get(key) ?? []));
    }
    if (precisions.includes('month')) {
      for (const month of months(window)) found.push(...(this.byMonth.get(month) ?? []));
    }
    if (precisions.includes('year')) found.push(...this.yearOnly);
    return found;
  }
}

function push(map: Map<number, Partnership[]>, key: number, p: Partnership): void {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}

const FEB_29 = 229;

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
