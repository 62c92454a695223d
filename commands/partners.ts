import type { Temporal } from 'temporal-polyfill';
import { defineCommand } from '../src/core/command.ts';
import { describeStatus, listedClause, shortCityLabel, typeLabel } from '../src/core/describe.ts';
import {
  beyondLastPage,
  PAGE_ROWS,
  pageSpan,
  pagingOf,
  pagingSpans,
  positionText,
} from '../src/core/paging.ts';
import { countsAsPartner, partnerOf, partnerOrder, standingOf } from '../src/core/partner-order.ts';
import { answer, problem, type Row } from '../src/core/reply.ts';
import { anniversaryMilestone } from '../src/domain/anniversary.ts';
import type { City } from '../src/domain/city.ts';
import { countryName } from '../src/domain/country.ts';
import type { Partnership } from '../src/domain/partnership.ts';
import { deriveStatus } from '../src/domain/status.ts';
import { cityName } from '../src/i18n/city-name.ts';
import { remembering, sentenceWithHole } from '../src/i18n/remembering.ts';
import { tSpans } from '../src/i18n/spans.ts';
import { formatList, type Translator } from '../src/i18n/translator.ts';
import type { Catalog } from '../src/store/catalog.ts';

export const partners = defineCommand({
  name: 'partners',
  args: [
    { name: 'city', kind: 'city', required: false },
    { name: 'country', kind: 'country', required: false, keyword: 'in' },
    { name: 'page', kind: 'page', required: false, keyword: 'page' },
  ],
  examples: [
    'partners Prague',
    'partners kitakami',
    'partners',
    'partners Buffalo in PL',
    'partners Praha in Polsko',
    'partners Prague page 2',
  ],
  permission: 'everyone',
  handler: ({ catalog, today, tr, asks }, args) => {
    const homeId = catalog.data.settings.homeCity;
    const city = args.city ?? (homeId === undefined ? undefined : catalog.city(homeId));
    if (!city) return problem(tr.t('partners.noCity'));
    const { country } = args;
    // The count and the order need every partnership; the rows, only the page's.
    const { partnerships, order, ranks, others } = partnerOrder(catalog, city, tr.lang, today);
    const listedAt: number[] = [];
    for (let at = 0; at < order.length; at++)
      if (country === undefined || others[at]?.country === country) listedAt.push(at);
    const label = shortCityLabel(city, catalog, tr.lang);
    const span = pageSpan(listedAt.length, args.page ?? 1);
    const toPage = (page: number) =>
      `partners ${city.id}${country === undefined ? '' : ` in ${country}`} page ${page}`;
    const beyond = beyondLastPage(span, toPage, tr);
    if (beyond) return beyond;
    const shown = listedAt.slice(span.start, span.start + PAGE_ROWS);
    const sections = [
      {
        rows: partnerRows(
          shown.map((at) => partnerships[order[at] as number] as Partnership),
          city,
          catalog,
          today,
          tr,
        ),
      },
    ];
    const paging = pagingOf(span, toPage);
    const paged = {
      sections,
      ...(span.pages > 1 && { paging, footer: pagingSpans(paging, tr) }),
    };
    const count = listedAt.length;
    const listed = listedAt.filter((at) => standingOf(ranks[at] as number) === 'listed').length;
    const total =
      listed === 0
        ? tr.t('partners.recorded', { count })
        : tr.t('partners.recordedListed', { count, listed });
    const position = span.pages > 1 ? positionText(total, span, shown.length, tr) : total;
    if (country !== undefined) {
      const inForce = listedAt.filter((at) => countsAsPartner(ranks[at] as number));
      const names =
        inForce.length <= NAMED_IN_SENTENCE
          ? inForce.map((at) => {
              const other = others[at];
              return other ? cityName(other, tr.lang) : '';
            })
          : [];
      const sentence = inCountry(label, country, count, inForce.length, names, asks === 'any', tr);
      return answer({
        title: tr.t('partnersIn.title', { city: label, country: countryName(country, tr.lang) }),
        text: span.pages > 1 ? `${sentence} ${position}` : sentence,
        ...paged,
      });
    }
    return answer({
      title: tr.t('partners.title', { city: label }),
      text: count === 0 ? tr.t('partners.none') : position,
      ...paged,
    });
  },
});

/**
 * One page's rows: "Taipei (sister city)" with its status and since when. A page repeats a few types
 * and sentences: each is translated once.
 */
function partnerRows(
  page: readonly Partnership[],
  city: City,
  catalog: Catalog,
  today: Temporal.PlainDate,
  tr: Translator,
): Row[] {
  const words = remembering(tr);
  const withType = new Map<string, (label: string) => string>();
  const labelWithType = (label: string, type: Partnership['type']) => {
    const note = typeLabel(type, words);
    let sentence = withType.get(note);
    if (!sentence) {
      sentence = sentenceWithHole(words, 'common.withNote', 'text', { note });
      withType.set(note, sentence);
    }
    return sentence(label);
  };
  return page.map((p) => {
    const other = partnerOf(p, city, catalog);
    const otherLabel = other ? shortCityLabel(other, catalog, tr.lang) : '?';
    const listed = listedClause(p, words);
    // Only listed, never dated: no status and no "since" to tell, and no type when none is recorded.
    if (listed !== undefined)
      return { text: p.type ? labelWithType(otherLabel, p.type) : otherLabel, detail: listed };
    const derived = deriveStatus(p, today);
    const established = anniversaryMilestone(p);
    const status = describeStatus(derived, catalog, words);
    // "active since 13 January 2020" already says since when, so the date is not said twice.
    const saysSince = derived.status === 'active' && derived.decisive === established;
    return {
      text: labelWithType(otherLabel, p.type),
      detail: saysSince
        ? status
        : established
          ? tSpans(words, 'partners.since', { status, date: { date: established.date } })
          : tSpans(words, 'partners.sinceUnknown', { status }),
    };
  });
}

/** Up to this many partners are named in the sentence itself; the rows below list them all, a page at a time. */
const NAMED_IN_SENTENCE = 5;

/**
 * "Paderborn has 1 partner in France: Le Mans." (`names`: the partners in force, when few); asked "does it have one?", the answer opens with
 * Yes or No, and only partnerships in force (or listed by the public lists) make a Yes.
 */
function inCountry(
  city: string,
  code: string,
  count: number,
  inForce: number,
  names: readonly string[],
  yesNo: boolean,
  tr: Translator,
): string {
  const country = countryName(code, tr.lang);
  const sentence =
    inForce === 0
      ? count === 0
        ? tr.t('partnersIn.none', { city, country })
        : tr.t('partnersIn.noneInForce', { city, country, count })
      : inForce <= NAMED_IN_SENTENCE
        ? tr.t('partnersIn.named', { city, country, count: inForce, names: formatList(names, tr.lang) })
        : tr.t('partnersIn.counted', { city, country, count: inForce });
  if (!yesNo) return sentence;
  return tr.t(inForce > 0 ? 'partnersIn.yes' : 'partnersIn.no', { sentence });
}
