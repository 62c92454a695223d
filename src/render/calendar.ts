import { createEvents, type EventAttributes } from 'ics';
import { Temporal } from 'temporal-polyfill';
import { shortCityLabel, typeLabel } from '../core/describe.ts';
import {
  type Anniversary,
  anniversaryMilestone,
  anniversaryStart,
  nthAnniversary,
} from '../domain/anniversary.ts';
import { dayKey, fuzzyDateParts } from '../domain/fuzzy-date.ts';
import type { Partnership } from '../domain/partnership.ts';
import { deriveStatus, isCelebrated } from '../domain/status.ts';
import type { Lang } from '../i18n/languages.ts';
import { translator } from '../i18n/translator.ts';
import type { Catalog } from '../store/catalog.ts';
import { formatFuzzyDate } from './dates.ts';

/** How many upcoming anniversaries of each partnership carry their number in the title. */
export const NUMBERED_YEARS = 5;

type DateArray = [number, number, number];

/**
 * An RFC 5545 calendar of the anniversaries of partnerships in force whose signing day is known.
 * The next NUMBERED_YEARS anniversaries are single events titled with their number ("60th
 * anniversary: ..."); a yearly recurring event takes over after them, so no day shows twice. Month-
 * and year-only dates are left out: a calendar event would invent a day. Its words are in `lang`
 * where the caller knows the reader's language (the CLI does); a subscribed feed is fetched by a
 * calendar program that says nothing of its reader, so it stays English.
 */
export function anniversaryCalendar(catalog: Catalog, today: Temporal.PlainDate, lang: Lang = 'en'): string {
  const tr = translator(lang);
  const feb29 = catalog.data.settings.feb29;
  const events: EventAttributes[] = [];
  for (const p of catalog.partnerships) {
    const from = anniversaryMilestone(p);
    if (
      !from ||
      fuzzyDateParts(from.date).precision !== 'day' ||
      !isCelebrated(deriveStatus(p, today).status)
    )
      continue;
    const upcoming = upcomingAnniversaries(p, today, feb29);
    const [first] = upcoming;
    const after = nthAnniversary(p, (upcoming.at(-1)?.number ?? 0) + 1, feb29);
    if (!first || !after) continue;
    const pair = p.cities
      .map((id) => {
        const city = catalog.city(id);
        return city ? shortCityLabel(city, catalog, lang) : id;
      })
      .join(' – ');
    const description = tr.t('calendar.description', {
      date: formatFuzzyDate(from.date, lang),
      type: typeLabel(p.type, tr),
      command: `agreement ${p.cities.join(' / ')}`,
    });
    for (const a of upcoming) {
      events.push({
        ...allDay(a, `${p.id}-${a.year}@twinbot`),
        title: `${tr.t('calendar.numbered', { number: tr.t('anniversaries.number', { count: a.number, ordinal: true }), pair })}${a.milestoneYear ? ' 🎉' : ''}`,
        description,
      });
    }
    events.push({
      ...allDay(after, `${p.id}@twinbot`),
      title: tr.t('calendar.recurring', {
        pair,
        year: formatFuzzyDate(String(fuzzyDateParts(from.date).year).padStart(4, '0'), lang),
      }),
      description,
      recurrenceRule: yearlyRule(from.date, feb29),
    });
  }
  const { error, value } = createEvents(events, {
    calName: tr.t('calendar.name'),
    productId: '-//twinbot//anniversaries//EN',
  });
  if (error || !value) throw error ?? new Error('calendar could not be written');
  return value;
}

function upcomingAnniversaries(
  p: Partnership,
  today: Temporal.PlainDate,
  feb29: 'feb28' | 'mar1',
): Anniversary[] {
  const from = anniversaryMilestone(p);
  if (!from) return [];
  const found: Anniversary[] = [];
  for (let n = Math.max(1, today.year - fuzzyDateParts(from.date).year); found.length < NUMBERED_YEARS; n++) {
    const a = nthAnniversary(p, n, feb29);
    if (!a) break;
    if (dayKey(anniversaryStart(a)) >= dayKey(today)) found.push(a);
  }
  return found;
}

/** An all-day event: from the day to the next (RFC 5545 DTEND is exclusive). */
function allDay(a: Anniversary, uid: string): { uid: string; start: DateArray; end: DateArray } {
  const start = Temporal.PlainDate.from(anniversaryStart(a));
  const end = start.add({ days: 1 });
  return { uid, start: [start.year, start.month, start.day], end: [end.year, end.month, end.day] };
}

/** 29 February recurs on the last day of February, or on day 60 (1 March in common years). */
function yearlyRule(date: string, feb29: 'feb28' | 'mar1'): string {
  const { month, day } = fuzzyDateParts(date);
  if (month !== 2 || day !== 29) return 'FREQ=YEARLY';
  return feb29 === 'feb28' ? 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' : 'FREQ=YEARLY;BYYEARDAY=60';
}
