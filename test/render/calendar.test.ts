import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/languages.ts';
import { anniversaryCalendar, NUMBERED_YEARS } from '../../src/render/calendar.ts';
import { Catalog } from '../../src/store/catalog.ts';
import { type StoreInput, StoreSchema } from '../../src/store/schema.ts';
import { smallStore } from '../fixtures/knowledge-base.ts';

function parse(data: StoreInput = smallStore(), today = '2026-11-26', lang: Lang = 'en') {
  const text = anniversaryCalendar(
    new Catalog(StoreSchema.parse(data)),
    Temporal.PlainDate.from(today),
    lang,
  );
  const events = new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents('vevent')
    .map((c) => new ICAL.Event(c));
  return { text, events };
}

function occurrences(event: ICAL.Event, count: number): string[] {
  const iterator = event.iterator();
  const dates: string[] = [];
  for (let next = iterator.next(); next && dates.length < count; next = iterator.next())
    dates.push(next.toString());
  return dates;
}

describe('anniversaryCalendar', () => {
  it('GIVEN a day-precision partnership THEN the next anniversaries are numbered all-day events, then a yearly event takes over', () => {
    const { events } = parse();
    const taipei = events.filter((e) => e.uid.startsWith('prague-cz--taipei-tw'));
    expect(taipei.map((e) => e.summary)).toEqual([
      '7th anniversary: Prague – Taipei',
      '8th anniversary: Prague – Taipei',
      '9th anniversary: Prague – Taipei',
      '10th anniversary: Prague – Taipei 🎉',
      '11th anniversary: Prague – Taipei',
      'Anniversary: Prague – Taipei (since 2020)',
    ]);
    expect(taipei[0]?.startDate.isDate).toBe(true);
    expect(taipei[0]?.startDate.toString()).toBe('2027-01-13');
    const recurring = taipei.at(-1) as ICAL.Event;
    expect(recurring.isRecurring()).toBe(true);
    expect(occurrences(recurring, 2)).toEqual(['2032-01-13', '2033-01-13']);
  });

  it('GIVEN a 29 February signing THEN leap years keep the 29th and common years fall on the 28th', () => {
    const { events } = parse();
    const leap = events.filter((e) => e.uid.startsWith('leap-town-us--rzeszow-pl'));
    expect(leap.slice(0, 2).map((e) => e.startDate.toString())).toEqual(['2027-02-28', '2028-02-29']);
    expect(occurrences(leap.at(-1) as ICAL.Event, 2)).toEqual(['2032-02-29', '2033-02-28']);
  });

  it('GIVEN month-, year-only, ended and never-active partnerships THEN the calendar has no event for them', () => {
    const { events } = parse();
    const uids = events.map((e) => e.uid).join(' ');
    expect(uids).not.toContain('concord-california-us--kitakami-jp');
    expect(uids).not.toContain('osaka-jp--san-francisco-us');
    expect(uids).not.toContain('prague-cz--shanghai-cn');
    expect(uids).not.toContain('nablus-ps--preston-gb');
    expect(events).toHaveLength(3 * (NUMBERED_YEARS + 1));
  });

  it('GIVEN the anniversary is today THEN today is the first numbered event', () => {
    const { events } = parse(smallStore(), '2027-06-03');
    expect(events.find((e) => e.uid === 'le-mans-fr--paderborn-de-2027@twinbot')?.summary).toBe(
      '60th anniversary: Le Mans – Paderborn 🎉',
    );
  });
});

describe('anniversaryCalendar in a language the caller knows', () => {
  it('GIVEN German THEN titles, description and the calendar name are German, with Prag', () => {
    const { text, events } = parse(smallStore(), '2026-11-26', 'de');
    const taipei = events.filter((e) => e.uid.startsWith('prague-cz--taipei-tw'));
    expect(taipei[0]?.summary).toBe('7. Jahrestag: Prag – Taipei');
    expect(taipei.at(-1)?.summary).toBe('Jahrestag: Prag – Taipei (seit 2020)');
    expect(taipei[0]?.description).toBe(
      'Gezählt ab dem 13. Januar 2020 (Schwesterstadt). Einzelheiten: agreement prague-cz / taipei-tw',
    );
    expect(text).toContain('X-WR-CALNAME:Jahrestage der Städtepartnerschaften');
  });

  it('GIVEN Czech and Japanese THEN the numbered titles read as each language writes them', () => {
    const cs = parse(smallStore(), '2026-11-26', 'cs').events.find((e) =>
      e.uid.startsWith('prague-cz--taipei-tw'),
    );
    expect(cs?.summary).toBe('7. výročí: Praha – Taipei');
    const ja = parse(smallStore(), '2026-11-26', 'ja').events.filter((e) => e.uid.startsWith('le-mans'));
    expect(ja.map((e) => e.summary)).toContain('Le Mans – Paderborn 姉妹都市提携60周年 🎉');
  });
});
