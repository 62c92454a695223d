import type { Temporal } from 'temporal-polyfill';
import { type AnniversaryWindow, type FoundAnniversary, findAnniversaries } from '../domain/anniversary.ts';
import type { Precision } from '../domain/fuzzy-date.ts';
import type { Partnership } from '../domain/partnership.ts';
import type { Lead, ReminderTarget } from '../domain/reminder.ts';
import type { Catalog } from '../store/catalog.ts';

/** One reminder that a target's local date calls for. */
export type DueReminder =
  | { kind: 'anniversary'; lead: number | 'month'; anniversary: FoundAnniversary }
  | { kind: 'digest'; lead: 'year'; year: number; anniversaries: FoundAnniversary[] };

/** The ledger's identity of a reminder: which partnership, which anniversary, which lead. */
export function reminderIdentity(r: DueReminder): { partnership: string; number: number; lead: Lead } {
  return r.kind === 'digest'
    ? { partnership: 'digest', number: r.year, lead: r.lead }
    : { partnership: r.anniversary.partnership.id, number: r.anniversary.number, lead: r.lead };
}

/**
 * The reminders due on a target's local date: day-precision anniversaries at each lead (the
 * anniversary falls `lead` days later), month-only ones on the first of their month, and year-only
 * ones in one digest on the first working day of January. Only partnerships in force (or disputed)
 * on the anniversary are reminded.
 */
export function remindersDueOn(
  date: Temporal.PlainDate,
  target: Pick<ReminderTarget, 'leads' | 'filter'>,
  catalog: Catalog,
): DueReminder[] {
  const scoped = scopedPartnerships(target, catalog);
  const find = (window: AnniversaryWindow, precision: Precision) =>
    findAnniversaries(
      scoped ?? catalog.anniversaryCandidates(window, [precision]),
      window,
      catalog.data.settings.feb29,
    );
  const due: DueReminder[] = [];
  for (const lead of [...new Set(target.leads)].sort((a, b) => b - a)) {
    const day = date.add({ days: lead });
    for (const anniversary of find({ from: day, to: day }, 'day').dated) {
      if (anniversary.precision === 'day') due.push({ kind: 'anniversary', lead, anniversary });
    }
  }
  if (date.day === 1) {
    for (const anniversary of find({ from: date, to: date }, 'month').dated) {
      if (anniversary.precision === 'month') due.push({ kind: 'anniversary', lead: 'month', anniversary });
    }
  }
  if (isFirstWorkingDayOfJanuary(date)) {
    const { yearOnly } = find({ from: date.with({ day: 1 }), to: date.with({ month: 12, day: 31 }) }, 'year');
    if (yearOnly.length > 0)
      due.push({ kind: 'digest', lead: 'year', year: date.year, anniversaries: yearOnly });
  }
  return due;
}

/**
 * 1 January is a public holiday nearly everywhere, so the digest goes out on the first Monday to
 * Friday after it.
 */
export function isFirstWorkingDayOfJanuary(date: Temporal.PlainDate): boolean {
  if (date.month !== 1 || date.day === 1 || date.dayOfWeek > 5) return false;
  for (let day = 2; day < date.day; day++) {
    if (date.with({ day }).dayOfWeek <= 5) return false;
  }
  return true;
}

/** A filtered target looks only at its own partnerships instead of the month index over all of them. */
function scopedPartnerships(
  target: Pick<ReminderTarget, 'filter'>,
  catalog: Catalog,
): readonly Partnership[] | undefined {
  const filter = target.filter;
  if (filter?.city === undefined && filter?.partnerships === undefined) return undefined;
  const listed = filter.partnerships === undefined ? undefined : new Set(filter.partnerships);
  const pool = filter.city === undefined ? catalog.partnerships : catalog.partnershipsOf(filter.city);
  return listed === undefined ? pool : pool.filter((p) => listed.has(p.id));
}
