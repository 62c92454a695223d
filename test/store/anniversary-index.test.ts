import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  type AnniversaryWindow,
  type Feb29Policy,
  type FoundAnniversary,
  findAnniversaries,
} from '../../src/domain/anniversary.ts';
import { type Milestone, type Partnership, partnershipId } from '../../src/domain/partnership.ts';
import { AnniversaryIndex, type AnniversaryQuery } from '../../src/store/anniversary-index.ts';

/**
 * Partnerships of every shape the index must tell apart, from a fixed seed: signed on a day (some
 * on 29 February), in a month or a year only; counted from a marked milestone; suspended and
 * resumed, ended, ended by one side and contested by the other (disputed), disputed from before its
 * first anniversary on (so on every one); never signed.
 */
function partnerships(count: number, seed = 7): Partnership[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const found: Partnership[] = [];
  for (let i = 0; found.length < count; i++) {
    const [a, b] = [`city-${i}-a`, `city-${i}-b`];
    const year = 1960 + Math.floor(next() * 64);
    const leap = year % 4 === 0;
    const month = 1 + Math.floor(next() * 12);
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const day = leap && next() < 0.15 ? 29 : 1 + Math.floor(next() * daysInMonth);
    const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
    const signed = pick([
      leap && day === 29 ? iso(year, 2, 29) : iso(year, month, day),
      `${year}-${pad(month)}`,
      `${year}`,
      iso(year, month, day),
    ]);
    const later = (years: number) => iso(Math.min(year + years, 2030), month, Math.min(day, 28));
    const milestones: Milestone[] = [{ kind: 'signing', date: signed, sources: [] }];
    const shape = next();
    if (shape < 0.1) milestones.unshift({ kind: 'proposal', sources: [] });
    else if (shape < 0.2)
      milestones.push(
        { kind: 'suspension', date: later(20), sources: [] },
        { kind: 'resumption', date: later(40), sources: [] },
      );
    else if (shape < 0.3) milestones.push({ kind: 'termination', date: later(30), sources: [] });
    else if (shape < 0.4)
      milestones.push(
        { kind: 'termination', date: later(25), by: a, sources: [] },
        { kind: 'objection', date: later(26), by: b, sources: [] },
      );
    else if (shape < 0.45) milestones[0] = { kind: 'proposal', date: signed, sources: [] };
    else if (shape < 0.5)
      milestones.push({ kind: 'renewal', date: later(10), anniversary: true, sources: [] });
    else if (shape < 0.55)
      milestones.push(
        { kind: 'termination', date: `${year + 1}-01-01`, by: a, sources: [] },
        { kind: 'objection', date: `${year + 1}-01-01`, by: b, sources: [] },
      );
    found.push({ id: partnershipId(a, b), cities: [a, b], type: 'twin_town', milestones, sources: [] });
  }
  return found;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function window(from: string, to: string): AnniversaryWindow {
  return { from: Temporal.PlainDate.from(from), to: Temporal.PlainDate.from(to) };
}

/** The list as findAnniversaries makes it from the index's candidates, every anniversary built. */
function reference(index: AnniversaryIndex, query: AnniversaryQuery): FoundAnniversary[] {
  const precisions = query.yearOnly ? (['day', 'month', 'year'] as const) : (['day', 'month'] as const);
  const all = findAnniversaries(index.candidates(query.window, precisions), query.window, query.feb29);
  const wanted = (a: FoundAnniversary) => query.turning === undefined || a.number === query.turning;
  return [...all.dated.filter(wanted), ...all.yearOnly.filter(wanted)];
}

function brief(a: FoundAnniversary): string {
  return `${a.partnership.id} ${a.year}-${a.month ?? ''}-${a.day ?? ''} #${a.number} ${a.status}`;
}

const PAGE = 20;

/** Every page of the answer in turn, as an answer is read page by page. */
function paged(index: AnniversaryIndex, query: AnniversaryQuery): { count: number; pages: string[] } {
  const first = index.page(query, 0, PAGE);
  const count = first.dated + first.yearOnly;
  const pages: string[] = [];
  for (let start = 0; start < count; start += PAGE) {
    const page = index.page(query, start, PAGE);
    expect(page.dated + page.yearOnly).toBe(count);
    pages.push(...page.found.map(brief));
  }
  return { count, pages };
}

const QUERIES: [string, AnniversaryQuery][] = [
  ['a whole common year', { window: window('2027-01-01', '2027-12-31'), feb29: 'feb28', yearOnly: true }],
  ['a leap year', { window: window('2028-01-01', '2028-12-31'), feb29: 'mar1', yearOnly: true }],
  ['30 days over New Year', { window: window('2026-12-15', '2027-01-14'), feb29: 'feb28', yearOnly: false }],
  [
    'February into March, 1 March',
    { window: window('2027-02-20', '2027-03-05'), feb29: 'mar1', yearOnly: false },
  ],
  [
    'two months but the last day',
    { window: window('2027-03-01', '2027-04-29'), feb29: 'feb28', yearOnly: false },
  ],
  ['a month started late', { window: window('2027-06-17', '2027-07-02'), feb29: 'feb28', yearOnly: false }],
  [
    'turning 50 over two years',
    { window: window('2026-03-01', '2028-02-29'), feb29: 'feb28', yearOnly: false, turning: 50 },
  ],
  [
    'the day a status changes',
    { window: window('2010-01-01', '2012-12-31'), feb29: 'feb28', yearOnly: true },
  ],
];

describe('the anniversary index, page by page', () => {
  const index = new AnniversaryIndex(partnerships(3000));

  it.each(QUERIES)(
    'GIVEN %s THEN the pages together are the whole list, in order, with its exact count',
    (_, query) => {
      const expected = reference(index, query).map(brief);
      const { count, pages } = paged(index, query);
      expect(expected.length).toBeGreaterThan(PAGE);
      expect(count).toBe(expected.length);
      expect(pages).toEqual(expected);
    },
  );

  it('GIVEN a page in the middle THEN it is that stretch of the list and nothing is built before it', () => {
    const query: AnniversaryQuery = {
      window: window('2027-01-01', '2027-12-31'),
      feb29: 'feb28',
      yearOnly: true,
    };
    const expected = reference(index, query).map(brief);
    const page = index.page(query, 500, PAGE);
    expect(page.found.map(brief)).toEqual(expected.slice(500, 520));
  });

  it('GIVEN edits (added, changed and removed partnerships) THEN the pages follow them', () => {
    const all = partnerships(800, 11);
    const edited = new AnniversaryIndex(all);
    for (const p of all.slice(0, 100)) edited.remove(p);
    const changed = all.slice(100, 200).map((p) => ({
      ...p,
      milestones: [...p.milestones, { kind: 'termination' as const, date: '2027-06-01', sources: [] }],
    }));
    all.slice(100, 200).forEach((p, i) => {
      edited.remove(p);
      edited.add(changed[i] as Partnership);
    });
    const rebuilt = new AnniversaryIndex([...changed, ...all.slice(200)]);
    for (const [, query] of QUERIES) expect(paged(edited, query)).toEqual(paged(rebuilt, query));
    expect(edited.tally(2027, 'feb28')).toEqual(rebuilt.tally(2027, 'feb28'));
    expect(paged(edited, QUERIES[0]?.[1] as AnniversaryQuery).pages.join('\n')).not.toContain(all[0]?.id);
  });

  it.each([
    [2027, 'feb28'],
    [2027, 'mar1'],
    [2028, 'mar1'],
  ] as [number, Feb29Policy][])(
    'GIVEN %i (29 February on %s) THEN the tally per month and of milestone years is what the built list counts',
    (year, feb29) => {
      {
        const query: AnniversaryQuery = {
          window: window(`${year}-01-01`, `${year}-12-31`),
          feb29,
          yearOnly: true,
        };
        const list = reference(index, query);
        const tally = index.tally(year, feb29);
        const dated = list.filter((a) => a.precision !== 'year');
        expect(tally.yearOnly).toBe(list.length - dated.length);
        expect(tally.months).toEqual(
          Array.from({ length: 12 }, (_, i) => {
            const inMonth = dated.filter((a) => a.month === i + 1);
            return {
              month: i + 1,
              total: inMonth.length,
              milestones: inMonth.filter((a) => a.milestoneYear).length,
            };
          }),
        );
      }
    },
  );
});
