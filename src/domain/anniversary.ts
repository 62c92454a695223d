import { Temporal } from 'temporal-polyfill';
import {
  dayKey,
  type FuzzyDate,
  type FuzzyDateParts,
  formatFuzzyDateIso,
  fuzzyDateParts,
} from './fuzzy-date.ts';
import type { Milestone, Partnership } from './partnership.ts';
import type { Settings } from './settings.ts';
import { deriveStatus, isCelebrated } from './status.ts';

export type Feb29Policy = Settings['feb29'];

/** One anniversary, as precise as the date it counts from, and never more. */
export interface Anniversary {
  partnership: Partnership;
  from: Milestone & { date: FuzzyDate };
  number: number;
  year: number;
  /** Present when the month is known. */
  month?: number;
  /** Present when the day is known. */
  day?: number;
  precision: FuzzyDateParts['precision'];
  milestoneYear: boolean;
}

/** 5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100, 110, 125, ... */
export function isMilestoneYear(n: number): boolean {
  return n === 5 || (n > 0 && (n % 10 === 0 || n % 25 === 0));
}

/** The milestone anniversaries count from: the one marked so, else the first dated signing. */
export function anniversaryMilestone(p: Partnership): (Milestone & { date: FuzzyDate }) | undefined {
  const marked = p.milestones.find((m) => m.anniversary);
  const chosen = marked ?? p.milestones.find((m) => m.kind === 'signing' && m.date !== undefined);
  return chosen?.date === undefined ? undefined : (chosen as Milestone & { date: FuzzyDate });
}

/** The Nth anniversary falls in year Y+N; 29 February falls on 28 February or 1 March in common years. */
export function nthAnniversary(p: Partnership, n: number, feb29: Feb29Policy): Anniversary | undefined {
  const from = anniversaryMilestone(p);
  if (!from || n < 1) return undefined;
  const parts = fuzzyDateParts(from.date);
  const year = parts.year + n;
  const base = {
    partnership: p,
    from,
    number: n,
    year,
    precision: parts.precision,
    milestoneYear: isMilestoneYear(n),
  };
  if (parts.month === undefined) return base;
  if (parts.day === undefined) return { ...base, month: parts.month };
  if (
    parts.month === 2 &&
    parts.day === 29 &&
    !Temporal.PlainDate.from({ year, month: 1, day: 1 }).inLeapYear
  ) {
    return feb29 === 'mar1' ? { ...base, month: 3, day: 1 } : { ...base, month: 2, day: 28 };
  }
  return { ...base, month: parts.month, day: parts.day };
}

/** The anniversary in a given calendar year, if the partnership had started before it. */
export function anniversaryInYear(p: Partnership, year: number, feb29: Feb29Policy): Anniversary | undefined {
  const from = anniversaryMilestone(p);
  if (!from) return undefined;
  return nthAnniversary(p, year - fuzzyDateParts(from.date).year, feb29);
}

/** The first day the anniversary can fall on (its day, 1st of its month, or 1 January). */
export function anniversaryStart(a: Anniversary): { year: number; month: number; day: number } {
  return { year: a.year, month: a.month ?? 1, day: a.day ?? 1 };
}

/** The anniversary's date as fuzzy ISO text, for replies that carry dates as values. */
export function anniversaryDate(a: Anniversary): FuzzyDate {
  return formatFuzzyDateIso(a);
}

export interface AnniversaryWindow {
  from: Temporal.PlainDate;
  to: Temporal.PlainDate;
}

/** An anniversary found in a window, with the partnership's status on that day. */
export interface FoundAnniversary extends Anniversary {
  status: 'active' | 'disputed';
}

export interface AnniversariesFound {
  /** Anniversaries whose day or month falls in the window, in date order. */
  dated: FoundAnniversary[];
  /** Anniversaries known only to the year, in the window's years. */
  yearOnly: FoundAnniversary[];
}

/**
 * The anniversaries that fall in a window, for partnerships in force (active, or disputed) on the
 * anniversary. A month-only date is in the window when its month overlaps it; a year-only date is
 * kept apart, with its year, since no day may be invented for it.
 */
export function findAnniversaries(
  partnerships: Iterable<Partnership>,
  window: AnniversaryWindow,
  feb29: Feb29Policy,
): AnniversariesFound {
  const dated: FoundAnniversary[] = [];
  const yearOnly: FoundAnniversary[] = [];
  const from = dayKey(window.from);
  const to = dayKey(window.to);
  for (const p of partnerships) {
    for (let year = window.from.year; year <= window.to.year; year++) {
      const a = anniversaryInYear(p, year, feb29);
      if (!a) continue;
      if (a.precision !== 'year' && !overlaps(a, from, to)) continue;
      const { status } = deriveStatus(p, anniversaryStart(a));
      if (!isCelebrated(status)) continue;
      (a.precision === 'year' ? yearOnly : dated).push({ ...a, status });
    }
  }
  dated.sort(byDate);
  yearOnly.sort(byDate);
  return { dated, yearOnly };
}

/** Whether the anniversary's day, or any day of its month, lies between two day keys. */
function overlaps(a: Anniversary, from: number, to: number): boolean {
  const start = dayKey(anniversaryStart(a));
  const end = a.precision === 'day' ? start : start + 30;
  return start <= to && end >= from;
}

function byDate(x: Anniversary, y: Anniversary): number {
  return (
    dayKey(anniversaryStart(x)) - dayKey(anniversaryStart(y)) || byPartnershipId(x.partnership, y.partnership)
  );
}

/**
 * Partnerships of the same day in the order of their ids, compared by code unit: ids are ASCII
 * slugs, for which this is the order `localeCompare` gives, at a fraction of its cost.
 */
export function byPartnershipId(x: Partnership, y: Partnership): number {
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}
