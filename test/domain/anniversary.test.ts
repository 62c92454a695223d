import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  type Anniversary,
  anniversaryDate,
  findAnniversaries,
  isMilestoneYear,
  nthAnniversary,
} from '../../src/domain/anniversary.ts';
import { type Milestone, PartnershipSchema } from '../../src/domain/partnership.ts';

type MilestoneInput = Pick<Milestone, 'kind'> & Partial<Omit<Milestone, 'kind'>>;

function partnership(a: string, b: string, milestones: MilestoneInput[]) {
  return PartnershipSchema.parse({ id: `${a}--${b}`, cities: [a, b], milestones });
}

function signedOn(date: string, more: MilestoneInput[] = [], a = 'aachen-de', b = 'reims-fr') {
  return partnership(a, b, [{ kind: 'signing', date }, ...more]);
}

function window(from: string, to: string) {
  return { from: Temporal.PlainDate.from(from), to: Temporal.PlainDate.from(to) };
}

const summary = (a: Anniversary) => ({ id: a.partnership.id, date: anniversaryDate(a), number: a.number });

describe('isMilestoneYear', () => {
  it.each([5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100, 110, 125])(
    'GIVEN %i THEN it is a milestone year',
    (n) => {
      expect(isMilestoneYear(n)).toBe(true);
    },
  );

  it.each([1, 2, 15, 35, 45, 55, 65, 85, 95, 105])('GIVEN %i THEN it is not a milestone year', (n) => {
    expect(isMilestoneYear(n)).toBe(false);
  });
});

describe('nthAnniversary', () => {
  it('GIVEN a signing in year Y THEN the Nth anniversary is in year Y+N and says its number', () => {
    const a = nthAnniversary(signedOn('1967-06-03'), 60, 'feb28');
    expect(a?.year).toBe(2027);
    expect(a?.number).toBe(60);
    expect(a?.milestoneYear).toBe(true);
  });

  it('GIVEN a number that is not a milestone year THEN the anniversary is not flagged', () => {
    expect(nthAnniversary(signedOn('1967-06-03'), 61, 'feb28')?.milestoneYear).toBe(false);
  });

  it('GIVEN a day-precision signing THEN the anniversary keeps the month and day', () => {
    const a = nthAnniversary(signedOn('1967-06-03'), 10, 'feb28');
    expect(a).toMatchObject({ year: 1977, month: 6, day: 3, precision: 'day' });
  });

  describe('29 February', () => {
    const leapDay = signedOn('1996-02-29');

    it('GIVEN a 29 February signing and policy feb28 THEN a common-year anniversary falls on 28 February', () => {
      const a = nthAnniversary(leapDay, 31, 'feb28');
      expect(a).toMatchObject({ year: 2027, month: 2, day: 28 });
    });

    it('GIVEN a 29 February signing and policy mar1 THEN a common-year anniversary falls on 1 March', () => {
      const a = nthAnniversary(leapDay, 31, 'mar1');
      expect(a).toMatchObject({ year: 2027, month: 3, day: 1 });
    });

    it.each(['feb28', 'mar1'] as const)(
      'GIVEN a 29 February signing and policy %s THEN a leap-year anniversary falls on 29 February',
      (policy) => {
        const a = nthAnniversary(leapDay, 32, policy);
        expect(a).toMatchObject({ year: 2028, month: 2, day: 29 });
      },
    );
  });

  it('GIVEN a month-precision signing THEN the anniversary has the month but no day', () => {
    const a = nthAnniversary(signedOn('1974-10'), 50, 'feb28');
    expect(a).toMatchObject({ year: 2024, month: 10, precision: 'month' });
    expect(a?.day).toBeUndefined();
    expect(a && anniversaryDate(a)).toBe('2024-10');
  });

  it('GIVEN a year-precision signing THEN the anniversary has only the year, no month and no day', () => {
    const a = nthAnniversary(signedOn('1953'), 50, 'feb28');
    expect(a).toMatchObject({ year: 2003, precision: 'year' });
    expect(a?.month).toBeUndefined();
    expect(a?.day).toBeUndefined();
    expect(a && anniversaryDate(a)).toBe('2003');
  });

  it('GIVEN a historic tie in 0836 and a signing on 1967-06-03 (Paderborn–Le Mans) THEN the 60th anniversary is on 3 June 2027', () => {
    const p = partnership('le-mans-fr', 'paderborn-de', [
      { kind: 'historic_tie', date: '0836' },
      { kind: 'signing', date: '1967-06-03' },
    ]);
    const a = nthAnniversary(p, 60, 'feb28');
    expect(a).toMatchObject({ year: 2027, month: 6, day: 3, precision: 'day' });
    expect(a?.from.kind).toBe('signing');
  });

  it('GIVEN an undated signing before a dated one THEN anniversaries count from the first dated signing', () => {
    const p = partnership('aachen-de', 'reims-fr', [
      { kind: 'signing' },
      { kind: 'signing', date: '1980-09-14' },
    ]);
    expect(nthAnniversary(p, 40, 'feb28')).toMatchObject({ year: 2020, month: 9, day: 14 });
  });

  it('GIVEN a milestone marked as the anniversary THEN anniversaries count from it, not from the signing', () => {
    const p = partnership('aachen-de', 'reims-fr', [
      { kind: 'mou', date: '1960-04-20', anniversary: true },
      { kind: 'signing', date: '1967-06-03' },
    ]);
    const a = nthAnniversary(p, 50, 'feb28');
    expect(a).toMatchObject({ year: 2010, month: 4, day: 20 });
    expect(a?.from.kind).toBe('mou');
  });

  it('GIVEN no dated signing THEN there is no anniversary', () => {
    const p = partnership('borlange-se', 'wuhan-cn', [
      { kind: 'historic_tie', date: '1990' },
      { kind: 'signing' },
    ]);
    expect(nthAnniversary(p, 10, 'feb28')).toBeUndefined();
  });
});

describe('findAnniversaries', () => {
  it('GIVEN a window of days THEN a day-precision anniversary inside is found and one outside is not', () => {
    const inside = signedOn('1976-10-15', [], 'aachen-de', 'reims-fr');
    const outside = signedOn('1976-11-02', [], 'bonn-de', 'oxford-gb');
    const found = findAnniversaries([inside, outside], window('2026-10-01', '2026-10-31'), 'feb28');
    expect(found.dated.map(summary)).toEqual([{ id: inside.id, date: '2026-10-15', number: 50 }]);
    expect(found.yearOnly).toEqual([]);
  });

  it('GIVEN window edges THEN anniversaries on the first and last day are included', () => {
    const first = signedOn('2000-09-20', [], 'aachen-de', 'reims-fr');
    const last = signedOn('2000-10-05', [], 'bonn-de', 'oxford-gb');
    const found = findAnniversaries([first, last], window('2026-09-20', '2026-10-05'), 'feb28');
    expect(found.dated.map((a) => anniversaryDate(a))).toEqual(['2026-09-20', '2026-10-05']);
  });

  it('GIVEN a month-precision anniversary in a month the window overlaps THEN it is found', () => {
    const october = signedOn('1974-10');
    const found = findAnniversaries([october], window('2026-09-20', '2026-10-05'), 'feb28');
    expect(found.dated.map(summary)).toEqual([{ id: october.id, date: '2026-10', number: 52 }]);
  });

  it('GIVEN a month-precision anniversary in a month the window does not overlap THEN it is not found', () => {
    const november = signedOn('1974-11', [], 'aachen-de', 'reims-fr');
    const august = signedOn('1974-08', [], 'bonn-de', 'oxford-gb');
    const found = findAnniversaries([november, august], window('2026-09-20', '2026-10-05'), 'feb28');
    expect(found.dated).toEqual([]);
    expect(found.yearOnly).toEqual([]);
  });

  it('GIVEN a year-only anniversary THEN it comes back in yearOnly and never in dated', () => {
    const yearOnly = signedOn('1976');
    const found = findAnniversaries([yearOnly], window('2026-10-01', '2026-10-31'), 'feb28');
    expect(found.dated).toEqual([]);
    expect(found.yearOnly.map(summary)).toEqual([{ id: yearOnly.id, date: '2026', number: 50 }]);
  });

  it('GIVEN a partnership terminated before its anniversary THEN that anniversary is not listed', () => {
    const p = signedOn('1990-06-10', [{ kind: 'termination', date: '2026-03-01', by: 'reims-fr' }]);
    expect(findAnniversaries([p], window('2026-06-01', '2026-06-30'), 'feb28').dated).toEqual([]);
  });

  it('GIVEN a partnership terminated after an anniversary THEN that earlier anniversary is listed', () => {
    const p = signedOn('1990-06-10', [{ kind: 'termination', date: '2026-03-01', by: 'reims-fr' }]);
    const found = findAnniversaries([p], window('2025-06-01', '2025-06-30'), 'feb28');
    expect(found.dated.map(summary)).toEqual([{ id: p.id, date: '2025-06-10', number: 35 }]);
  });

  it('GIVEN a disputed partnership THEN its anniversary is listed', () => {
    const p = partnership('osaka-jp', 'san-francisco-us', [
      { kind: 'signing', date: '1957-10-07' },
      { kind: 'termination', date: '2018-10-02', by: 'osaka-jp' },
      { kind: 'objection', date: '2018-10-04', by: 'san-francisco-us' },
    ]);
    const found = findAnniversaries([p], window('2027-10-01', '2027-10-31'), 'feb28');
    expect(found.dated.map(summary)).toEqual([{ id: p.id, date: '2027-10-07', number: 70 }]);
  });

  it('GIVEN a suspended partnership THEN its anniversary is not listed', () => {
    const p = signedOn('1990-06-10', [{ kind: 'suspension', date: '2022-03-01', by: 'aachen-de' }]);
    expect(findAnniversaries([p], window('2026-06-01', '2026-06-30'), 'feb28').dated).toEqual([]);
  });

  it('GIVEN a window across New Year THEN a 5 January anniversary is found in the new year with its number', () => {
    const p = signedOn('1977-01-05');
    const found = findAnniversaries([p], window('2026-12-20', '2027-01-10'), 'feb28');
    expect(found.dated.map(summary)).toEqual([{ id: p.id, date: '2027-01-05', number: 50 }]);
  });

  it('GIVEN several anniversaries THEN they come back in date order, whatever the input order', () => {
    const january = signedOn('1977-01-05', [], 'aachen-de', 'reims-fr');
    const december = signedOn('1980-12-24', [], 'bonn-de', 'oxford-gb');
    const christmas = signedOn('1990-12-25', [], 'cork-ie', 'lorient-fr');
    const found = findAnniversaries(
      [january, christmas, december],
      window('2026-12-20', '2027-01-10'),
      'feb28',
    );
    expect(found.dated.map(summary)).toEqual([
      { id: december.id, date: '2026-12-24', number: 46 },
      { id: christmas.id, date: '2026-12-25', number: 36 },
      { id: january.id, date: '2027-01-05', number: 50 },
    ]);
  });

  it('GIVEN the signing year itself THEN no zeroth anniversary is listed', () => {
    const p = signedOn('2026-10-15');
    expect(findAnniversaries([p], window('2026-10-01', '2026-10-31'), 'feb28').dated).toEqual([]);
  });

  it('GIVEN a 29 February signing and policy mar1 THEN a window holding 1 March finds it and one holding only 28 February does not', () => {
    const p = signedOn('1996-02-29');
    expect(findAnniversaries([p], window('2027-03-01', '2027-03-01'), 'mar1').dated.map(summary)).toEqual([
      { id: p.id, date: '2027-03-01', number: 31 },
    ]);
    expect(findAnniversaries([p], window('2027-02-28', '2027-02-28'), 'mar1').dated).toEqual([]);
  });
});
