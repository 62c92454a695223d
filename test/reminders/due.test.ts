import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { ReminderTarget } from '../../src/domain/reminder.ts';
import { type DueReminder, isFirstWorkingDayOfJanuary, remindersDueOn } from '../../src/reminders/due.ts';
import { hasReachedPostTime, localMoment } from '../../src/reminders/local-time.ts';
import { Catalog } from '../../src/store/catalog.ts';
import { type StoreInput, StoreSchema } from '../../src/store/schema.ts';
import { smallStore } from '../fixtures/knowledge-base.ts';

const everything: Pick<ReminderTarget, 'leads' | 'filter'> = { leads: [30, 7, 0] };

function catalogOf(data: StoreInput = smallStore()): Catalog {
  return new Catalog(StoreSchema.parse(data));
}

function summary(due: DueReminder[]): string[] {
  return due.map((r) =>
    r.kind === 'digest'
      ? `digest ${r.year}: ${r.anniversaries.map((a) => a.partnership.id).join(', ')}`
      : `${r.anniversary.partnership.id} #${r.anniversary.number} lead ${r.lead}`,
  );
}

const on = (date: string, target = everything, catalog = catalogOf()) =>
  summary(remindersDueOn(Temporal.PlainDate.from(date), target, catalog));

describe('remindersDueOn', () => {
  it('GIVEN a day-precision anniversary THEN it is due at each lead and on the day', () => {
    expect(on('2027-05-04')).toContain('le-mans-fr--paderborn-de #60 lead 30');
    expect(on('2027-05-27')).toContain('le-mans-fr--paderborn-de #60 lead 7');
    expect(on('2027-06-03')).toContain('le-mans-fr--paderborn-de #60 lead 0');
    expect(on('2027-06-02')).not.toContain('le-mans-fr--paderborn-de #60 lead 0');
  });

  it('GIVEN a lead that crosses New Year THEN the anniversary of the next year is due with its number', () => {
    expect(on('2026-12-14')).toContain('prague-cz--taipei-tw #7 lead 30');
  });

  it('GIVEN a 29 February signing THEN in a common year it is due on 28 February, in a leap year on the 29th', () => {
    expect(on('2027-02-28')).toContain('leap-town-us--rzeszow-pl #31 lead 0');
    expect(on('2028-02-28')).not.toContain('leap-town-us--rzeszow-pl #32 lead 0');
    expect(on('2028-02-29')).toContain('leap-town-us--rzeszow-pl #32 lead 0');
  });

  it('GIVEN the store says 1 March for 29 February THEN a common year reminds on 1 March', () => {
    const data = smallStore();
    data.settings = { ...data.settings, feb29: 'mar1' };
    expect(on('2027-03-01', everything, catalogOf(data))).toContain('leap-town-us--rzeszow-pl #31 lead 0');
    expect(on('2027-02-28', everything, catalogOf(data))).not.toContain(
      'leap-town-us--rzeszow-pl #31 lead 0',
    );
  });

  it('GIVEN a month-precision anniversary THEN one reminder on the first of its month, none at day leads', () => {
    expect(on('2026-10-01')).toContain('concord-california-us--kitakami-jp #52 lead month');
    expect(on('2026-10-02')).toEqual([]);
    expect(on('2026-09-01')).not.toContain('concord-california-us--kitakami-jp #52 lead month');
  });

  it('GIVEN year-only anniversaries THEN one digest on the first working day of January', () => {
    expect(on('2027-01-04')).toContain('digest 2027: osaka-jp--san-francisco-us');
    expect(on('2027-01-01').some((line) => line.startsWith('digest'))).toBe(false);
    expect(on('2027-01-05').some((line) => line.startsWith('digest'))).toBe(false);
  });

  it('GIVEN a partnership ended before the date THEN it is not reminded', () => {
    expect(on('2027-05-17').join()).not.toContain('prague-cz--shanghai-cn');
    expect(on('2019-05-17')).toContain('prague-cz--shanghai-cn #2 lead 0');
  });

  it('GIVEN a target filtered on a city THEN only that city’s partnerships are due', () => {
    const pragueOnly = { leads: [0], filter: { city: 'prague-cz' } };
    expect(on('2027-06-03', pragueOnly)).toEqual([]);
    expect(on('2027-01-13', pragueOnly)).toEqual(['prague-cz--taipei-tw #7 lead 0']);
  });
});

describe('isFirstWorkingDayOfJanuary', () => {
  it.each([
    ['2027-01-04', true],
    ['2027-01-01', false],
    ['2026-01-02', true],
    ['2028-01-03', true],
    ['2028-01-04', false],
    ['2026-02-02', false],
  ])('GIVEN %s THEN %s', (date, expected) => {
    expect(isFirstWorkingDayOfJanuary(Temporal.PlainDate.from(date))).toBe(expected);
  });
});

describe('local time of a target', () => {
  const at = (iso: string, zone: string) => localMoment(Temporal.Instant.from(iso), zone);

  it('GIVEN Europe/Paris on the spring DST day THEN 07:30 UTC is already 09:30 local, the day before only 08:30', () => {
    expect(hasReachedPostTime(at('2027-03-28T07:30:00Z', 'Europe/Paris'), '09:00')).toBe(true);
    expect(hasReachedPostTime(at('2027-03-27T07:30:00Z', 'Europe/Paris'), '09:00')).toBe(false);
  });

  it('GIVEN America/New_York and a post time inside the spring-forward gap THEN it is reached right after the gap', () => {
    expect(hasReachedPostTime(at('2027-03-14T06:59:00Z', 'America/New_York'), '02:30')).toBe(false);
    const afterGap = at('2027-03-14T07:00:00Z', 'America/New_York');
    expect(afterGap.time.toString()).toBe('03:00:00');
    expect(hasReachedPostTime(afterGap, '02:30')).toBe(true);
  });

  it('GIVEN America/Santiago on its DST day with no midnight THEN the local date is still that day', () => {
    const moment = at('2026-09-06T04:30:00Z', 'America/Santiago');
    expect(moment.date.toString()).toBe('2026-09-06');
    expect(moment.time.toString()).toBe('01:30:00');
  });

  it('GIVEN Asia/Kolkata (+05:30) THEN 09:00 local is 03:30 UTC', () => {
    expect(hasReachedPostTime(at('2027-01-13T03:29:00Z', 'Asia/Kolkata'), '09:00')).toBe(false);
    expect(hasReachedPostTime(at('2027-01-13T03:30:00Z', 'Asia/Kolkata'), '09:00')).toBe(true);
  });

  it('GIVEN Pacific/Kiritimati (+14) and Pacific/Honolulu THEN one instant is two local dates, so one partnership is due a day apart', () => {
    const instant = '2027-01-12T19:00:00Z';
    expect(at(instant, 'Pacific/Kiritimati').date.toString()).toBe('2027-01-13');
    expect(at(instant, 'Pacific/Honolulu').date.toString()).toBe('2027-01-12');
    const catalog = catalogOf();
    const dueIn = (zone: string) => summary(remindersDueOn(at(instant, zone).date, { leads: [0] }, catalog));
    expect(dueIn('Pacific/Kiritimati')).toContain('prague-cz--taipei-tw #7 lead 0');
    expect(dueIn('Pacific/Honolulu')).not.toContain('prague-cz--taipei-tw #7 lead 0');
  });
});
