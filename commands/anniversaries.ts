import { Temporal } from 'temporal-polyfill';
import { defineCommand } from '../src/core/command.ts';
import { describeStatus, shortCityLabel, typeLabel } from '../src/core/describe.ts';
import {
  beyondLastPage,
  PAGE_ROWS,
  type PageSpan,
  pageSpan,
  pagingOf,
  pagingSpans,
  positionText,
} from '../src/core/paging.ts';
import {
  answer,
  problem,
  type Reply,
  type RichText,
  type Row,
  type Section,
  type Span,
} from '../src/core/reply.ts';
import {
  type DateWindow,
  DEFAULT_WINDOW_DAYS,
  defaultWindow,
  periodPhrase,
  windowText,
} from '../src/core/window.ts';
import {
  type Anniversary,
  anniversaryDate,
  anniversaryMilestone,
  type Feb29Policy,
  type FoundAnniversary,
  findAnniversaries,
  nthAnniversary,
} from '../src/domain/anniversary.ts';
import { earliestDay, type FuzzyDate, fuzzyDateParts, latestDay } from '../src/domain/fuzzy-date.ts';
import type { Partnership } from '../src/domain/partnership.ts';
import { deriveStatus, isCelebrated } from '../src/domain/status.ts';
import type { Lang } from '../src/i18n/languages.ts';
import { remembering } from '../src/i18n/remembering.ts';
import { tSpans } from '../src/i18n/spans.ts';
import { listFormat, type Translator } from '../src/i18n/translator.ts';
import type { AnniversaryPage } from '../src/store/anniversary-index.ts';
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
    const { city, with: other } = args;
    let pair: Partnership | undefined;
    if (city || other) {
      if (!city || !other) return problem(tr.t('pairAnniversary.nameBoth'));
      const p = catalog.partnershipBetween(city.id, other.id);
      const names = `${shortCityLabel(city, catalog, tr.lang)} – ${shortCityLabel(other, catalog, tr.lang)}`;
      if (!p) {
        return problem(tr.t('agreement.none', { names }), {
          suggestions: [`partners ${city.id}`, `partners ${other.id}`],
        });
      }
      // A period without `turning` lists what falls in it, for this pair alone.
      if (!args.window || args.window.turning !== undefined)
        return pairAnniversary(p, names, args.window?.turning, catalog, today, tr);
      pair = p;
    }
    const window = args.window ?? defaultWindow(today, tr);
    const page = window.page ?? 1;
    const start = (page - 1) * PAGE_ROWS;
    const listed = pair
      ? pairInWindow(pair, window, catalog.data.settings.feb29, start)
      : catalog.anniversaryPage(
          {
            window,
            feb29: catalog.data.settings.feb29,
            yearOnly: window.wholeYears,
            ...(window.turning !== undefined && { turning: window.turning }),
          },
          start,
          PAGE_ROWS,
        );
    const count = listed.dated + listed.yearOnly;
    const span = pageSpan(count, page);
    const toPage = (n: number) => pageCommand(window, n, pair);
    const beyond = beyondLastPage(span, toPage, tr);
    if (beyond) return beyond;
    const dated = listed.found.filter((a) => a.precision !== 'year');
    const yearOnly = listed.found.filter((a) => a.precision === 'year');
    const rowWords = remembering(tr);
    const sections: Section[] = [{ rows: dated.map((a) => row(a, catalog, rowWords)) }];
    if (yearOnly.length > 0) {
      sections.push({
        heading: tr.t('anniversaries.yearOnlyHeading'),
        rows: yearOnly.map((a) => row(a, catalog, rowWords)),
      });
    }
    const years = [...new Set([window.from.year, window.to.year])];
    const period = periodPhrase(window.period, tr);
    const paging = pagingOf(span, toPage);
    const footer =
      !window.wholeYears && catalog.countYearOnlyAnniversaries() > 0
        ? tSpans(tr, 'anniversaries.footerYearOnly', {
            commands: eitherCommand(
              years.map((y) => `anniversaries ${y}`),
              tr.lang,
            ),
          })
        : [tr.t('anniversaries.footer')];
    return answer({
      title:
        window.turning === undefined
          ? tr.t('anniversaries.title', { period })
          : tr.t('anniversaries.titleTurning', { period, count: window.turning }),
      text:
        count === 0 ? tr.t('anniversaries.none') : countText(count, span, listed, window, !pair, today, tr),
      sections,
      footer: [...pagingSpans(paging, tr), ...footer],
      ...(span.pages > 1 && { paging }),
    });
  },
});

/** Past this many pages, the first page says how to ask for a shorter list. */
const LONG_ANSWER_PAGES = 5;

/** "39,546 anniversaries. Page 1 of 1,978, anniversaries 1 to 20. A long list: …" */
function countText(
  count: number,
  span: PageSpan,
  listed: AnniversaryPage,
  window: DateWindow,
  canNarrow: boolean,
  today: Temporal.PlainDate,
  tr: Translator,
): RichText {
  const total = tr.t('anniversaries.count', { count });
  if (span.pages === 1) return total;
  const position = positionText(total, span, listed.found.length, tr);
  const long = span.page === 1 && span.pages > LONG_ANSWER_PAGES && canNarrow && window.turning === undefined;
  return long ? [position, ' ', ...shorter(window, today, tr)] : position;
}

/** One pair's anniversaries in a period, as a page of them: a handful at most, built whole. */
function pairInWindow(
  pair: Partnership,
  window: DateWindow,
  feb29: Feb29Policy,
  start: number,
): AnniversaryPage {
  const all = findAnniversaries([pair], window, feb29);
  const wanted = (a: FoundAnniversary) => window.turning === undefined || a.number === window.turning;
  const dated = all.dated.filter(wanted);
  const yearOnly = all.yearOnly.filter(wanted);
  return {
    dated: dated.length,
    yearOnly: yearOnly.length,
    found: [...dated, ...yearOnly].slice(start, start + PAGE_ROWS),
  };
}

/** The command that shows a given page of this answer: the period as the grammar writes it, and the pair if one was asked. */
function pageCommand(window: DateWindow, page: number, pair: Partnership | undefined): string {
  const cities = pair ? `${pair.cities[0]} / ${pair.cities[1]} ` : '';
  return `anniversaries ${cities}${windowText(window)} page ${page}`;
}

/**
 * What a colleague would add to a list of thousands: ask for one month (of a year, the current one
 * when the year is this one) or for a round number.
 */
function shorter(window: DateWindow, today: Temporal.PlainDate, tr: Translator): Span[] {
  const round = { command: `anniversaries ${windowText(window)} turning 50` };
  const { period } = window;
  const month =
    period.kind === 'year'
      ? `anniversaries ${period.year}-${String(period.year === today.year ? today.month : 1).padStart(2, '0')}`
      : period.kind === 'days' && period.count > DEFAULT_WINDOW_DAYS
        ? `anniversaries next ${DEFAULT_WINDOW_DAYS} days`
        : undefined;
  return month === undefined
    ? tSpans(tr, 'anniversaryPages.shorterRound', { round })
    : tSpans(tr, 'anniversaryPages.shorter', { month: { command: month }, round });
}

/** No partnership is near this old: a larger number is a slip, not a question. */
const MAX_TURNING = 500;

/**
 * One pair's n-th anniversary wherever it falls ("was on ...", "falls on ..."), or its next one;
 * a partnership that is not in force, or has no date to count from, says so instead.
 */
function pairAnniversary(
  p: Partnership,
  pair: string,
  turning: number | undefined,
  catalog: Catalog,
  today: Temporal.PlainDate,
  tr: Translator,
): Reply {
  if (turning !== undefined && turning > MAX_TURNING)
    return problem(
      tr.t('pairAnniversary.tooFar', {
        number: tr.t('anniversaries.number', { count: turning, ordinal: true }),
        max: MAX_TURNING,
      }),
    );
  const title = tr.t('pairAnniversary.title', { pair });
  const from = anniversaryMilestone(p);
  if (!from) return answer({ title, text: tr.t('pairAnniversary.noDate', { pair }) });
  const derived = deriveStatus(p, today);
  if (!isCelebrated(derived.status))
    return answer({
      title,
      text: tSpans(tr, 'pairAnniversary.notInForce', { pair, what: describeStatus(derived, catalog, tr) }),
    });
  const feb29 = catalog.data.settings.feb29;
  const a =
    turning === undefined ? nextAnniversary(p, from.date, today, feb29) : nthAnniversary(p, turning, feb29);
  if (!a) return problem(tr.t('pairAnniversary.noDate', { pair }));
  const date = anniversaryDate(a);
  const when =
    Temporal.PlainDate.compare(latestDay(date), today) < 0
      ? 'was'
      : a.precision === 'day' && Temporal.PlainDate.compare(earliestDay(date), today) === 0
        ? 'today'
        : 'falls';
  return answer({
    title,
    text: [
      ...tSpans(tr, `pairAnniversary.${when}`, {
        number: tr.t('anniversaries.number', { count: a.number, ordinal: true }),
        pair,
        date: { date },
      }),
      ...(a.milestoneYear ? [tr.t('anniversaries.milestoneYear')] : []),
    ],
    footer: tSpans(tr, 'anniversaries.countedFrom', { date: { date: from.date } }),
  });
}

/** The first anniversary whose day (or month, or year, as far as the date is known) is not over. */
function nextAnniversary(
  p: Partnership,
  from: FuzzyDate,
  today: Temporal.PlainDate,
  feb29: Feb29Policy,
): Anniversary | undefined {
  const n = Math.max(1, today.year - fuzzyDateParts(from).year);
  const a = nthAnniversary(p, n, feb29);
  if (a && Temporal.PlainDate.compare(latestDay(anniversaryDate(a)), today) < 0)
    return nthAnniversary(p, n + 1, feb29);
  return a;
}

/** "`anniversaries 2026` or `anniversaries 2027`", "… oder …": commands joined as the language joins alternatives. */
function eitherCommand(commands: readonly string[], lang: Lang): Span[] {
  return listFormat(lang, 'disjunction')
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
