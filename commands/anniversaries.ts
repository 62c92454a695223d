import { defineCommand } from '../src/core/command.ts';
import { shortCityLabel, typeLabel } from '../src/core/describe.ts';
import { answer, type Row, type Section, type Span } from '../src/core/reply.ts';
import { defaultWindow } from '../src/core/window.ts';
import { anniversaryDate, type FoundAnniversary, findAnniversaries } from '../src/domain/anniversary.ts';
import { ordinal } from '../src/render/dates.ts';
import type { Catalog } from '../src/store/catalog.ts';

export const anniversaries = defineCommand({
  name: 'anniversaries',
  args: [
    {
      name: 'window',
      kind: 'window',
      required: false,
    },
  ],
  examples: [
    'anniversaries',
    'anniversaries next 60 days',
    'anniversaries 2027',
    'anniversaries next year turning 50',
  ],
  permission: 'everyone',
  handler: ({ catalog, today }, args) => {
    const window = args.window ?? defaultWindow(today);
    const candidates = catalog.anniversaryCandidates(
      window,
      window.wholeYears ? ['day', 'month', 'year'] : ['day', 'month'],
    );
    const all = findAnniversaries(candidates, window, catalog.data.settings.feb29);
    const wanted = (a: FoundAnniversary) => window.turning === undefined || a.number === window.turning;
    const found = { dated: all.dated.filter(wanted), yearOnly: all.yearOnly.filter(wanted) };
    const sections: Section[] = [{ rows: found.dated.map((a) => row(a, catalog)) }];
    if (found.yearOnly.length > 0) {
      sections.push({
        heading: 'Day and month not recorded',
        rows: found.yearOnly.map((a) => row(a, catalog)),
      });
    }
    const count = found.dated.length + found.yearOnly.length;
    const years = [...new Set([window.from.year, window.to.year])];
    const yearOnlyHint: Span[] =
      !window.wholeYears && catalog.countYearOnlyAnniversaries() > 0
        ? [
            ' Partnerships whose signing is known only to the year are listed by year: ',
            ...years.flatMap((y, i): Span[] => [i > 0 ? ' or ' : '', { command: `anniversaries ${y}` }]),
            '.',
          ]
        : [];
    return answer({
      title: `Anniversaries in ${window.label}${window.turning === undefined ? '' : `, turning ${window.turning}`}`,
      text:
        count === 0 ? 'No anniversaries of partnerships in force fall in this period.' : countLabel(count),
      sections,
      footer: [
        'Only partnerships in force (or disputed) on the day are listed; a month or year alone means the day was not recorded.',
        ...yearOnlyHint,
      ],
    });
  },
});

function countLabel(n: number): string {
  return n === 1 ? '1 anniversary' : `${n} anniversaries`;
}

/** "3 June 2017 — 50th: Paderborn – Le Mans (twin town) ★ milestone year" */
function row(a: FoundAnniversary, catalog: Catalog): Row {
  const pair = a.partnership.cities.map((id) => {
    const city = catalog.city(id);
    return city ? shortCityLabel(city, catalog) : id;
  });
  const disputed = a.status === 'disputed' ? ' (disputed)' : '';
  return {
    text: [
      { date: anniversaryDate(a) },
      ` — ${ordinal(a.number)}: ${pair.join(' – ')} (${typeLabel(a.partnership.type)})${disputed}`,
      a.milestoneYear ? ' ★ milestone year' : '',
    ],
    detail: ['counted from ', { date: a.from.date }],
  };
}
