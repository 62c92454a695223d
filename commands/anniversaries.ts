import { defineCommand } from '../src/core/command.ts';
import { shortCityLabel, typeLabel } from '../src/core/describe.ts';
import { answer, type Row, type Section, type Span } from '../src/core/reply.ts';
import { defaultWindow, periodPhrase } from '../src/core/window.ts';
import { anniversaryDate, type FoundAnniversary, findAnniversaries } from '../src/domain/anniversary.ts';
import { intlLocale, type Lang } from '../src/i18n/languages.ts';
import { tSpans } from '../src/i18n/spans.ts';
import type { Translator } from '../src/i18n/translator.ts';
import type { Catalog } from '../src/store/catalog.ts';

export const anniversaries = defineCommand({
  name: 'anniversaries',
  // One pair's anniversaries when two cities lead (`anniversaries Prague / Taipei turning 10`), else a period's.
  args: [
    { name: 'city', kind: 'city', required: false },
    { name: 'with', kind: 'city', required: false },
    { name: 'window', kind: 'window', required: false },
  ],
  examples: [
    'anniversaries',
    'anniversaries next 60 days',
    'anniversaries 2027',
    'anniversaries next year turning 50',
    'anniversaries Prague / Taipei turning 10',
    'anniversaries Paderborn / Le Mans',
  ],
  permission: 'everyone',
  handler: ({ catalog, today, tr }, args) => {
    const window = args.window ?? defaultWindow(today, tr);
    const candidates = catalog.anniversaryCandidates(
      window,
      window.wholeYears ? ['day', 'month', 'year'] : ['day', 'month'],
    );
    const all = findAnniversaries(candidates, window, catalog.data.settings.feb29);
    const wanted = (a: FoundAnniversary) => window.turning === undefined || a.number === window.turning;
    const found = { dated: all.dated.filter(wanted), yearOnly: all.yearOnly.filter(wanted) };
    const sections: Section[] = [{ rows: found.dated.map((a) => row(a, catalog, tr)) }];
    if (found.yearOnly.length > 0) {
      sections.push({
        heading: tr.t('anniversaries.yearOnlyHeading'),
        rows: found.yearOnly.map((a) => row(a, catalog, tr)),
      });
    }
    const count = found.dated.length + found.yearOnly.length;
    const years = [...new Set([window.from.year, window.to.year])];
    const period = periodPhrase(window.period, tr);
    return answer({
      title:
        window.turning === undefined
          ? tr.t('anniversaries.title', { period })
          : tr.t('anniversaries.titleTurning', { period, count: window.turning }),
      text: count === 0 ? tr.t('anniversaries.none') : tr.t('anniversaries.count', { count }),
      sections,
      footer:
        !window.wholeYears && catalog.countYearOnlyAnniversaries() > 0
          ? tSpans(tr, 'anniversaries.footerYearOnly', {
              commands: eitherCommand(
                years.map((y) => `anniversaries ${y}`),
                tr.lang,
              ),
            })
          : [tr.t('anniversaries.footer')],
    });
  },
});

/** "`anniversaries 2026` or `anniversaries 2027`", "… oder …": commands joined as the language joins alternatives. */
function eitherCommand(commands: readonly string[], lang: Lang): Span[] {
  return new Intl.ListFormat(intlLocale(lang), { type: 'disjunction' })
    .formatToParts(commands)
    .map((part) => (part.type === 'element' ? { command: part.value } : part.value));
}

/** "3 June 2017 — 50th: Paderborn – Le Mans (twin town) ★ milestone year", "2017年6月3日 — 50周年: …" */
function row(a: FoundAnniversary, catalog: Catalog, tr: Translator): Row {
  const pair = a.partnership.cities.map((id) => {
    const city = catalog.city(id);
    return city ? shortCityLabel(city, catalog, tr.lang) : id;
  });
  const marks = [
    ...(a.status === 'disputed' ? [tr.t('anniversaries.disputed')] : []),
    ...(a.milestoneYear ? [tr.t('anniversaries.milestoneYear')] : []),
  ];
  return {
    text: [
      ...tSpans(tr, 'anniversaries.row', {
        date: { date: anniversaryDate(a) },
        number: tr.t('anniversaries.number', { count: a.number, ordinal: true }),
        pair: pair.join(' – '),
        type: typeLabel(a.partnership.type, tr),
      }),
      // Each mark brings its own spacing: none before a full-width bracket.
      ...marks,
    ],
    detail: tSpans(tr, 'anniversaries.countedFrom', { date: { date: a.from.date } }),
  };
}
