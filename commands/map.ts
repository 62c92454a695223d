import type { Temporal } from 'temporal-polyfill';
import { defineCommand } from '../src/core/command.ts';
import { listedBy, shortCityLabel } from '../src/core/describe.ts';
import type { MapPlace, PartnerMap, TieStyle } from '../src/core/figure.ts';
import { PAGE_ROWS } from '../src/core/paging.ts';
import { partnerNames } from '../src/core/partner-order.ts';
import { answer, type Field, problem, type Section } from '../src/core/reply.ts';
import type { City } from '../src/domain/city.ts';
import type { Partnership } from '../src/domain/partnership.ts';
import { deriveStatus } from '../src/domain/status.ts';
import { cityName } from '../src/i18n/city-name.ts';
import { intlLocale, type Lang } from '../src/i18n/languages.ts';
import { tSpans } from '../src/i18n/spans.ts';
import { formatList } from '../src/i18n/translator.ts';
import type { Catalog } from '../src/store/catalog.ts';

/** The order the text answer and the legend list the kinds of tie in: what holds first, what ended last. */
export const TIE_STYLES: readonly TieStyle[] = [
  'in-force',
  'phasing-out',
  'planned',
  'suspended',
  'disputed',
  'ended-by-city',
  'ended-by-partner',
  'ended',
  'listed',
];

/**
 * Partners the picture places, at most: its labels and the numbered list beside it name some 60, and
 * a hub's thousands of dots and lines would hide one another and the land. These are the first placed
 * partners in the list's order (in force first, then by name), so the picture shows the ties the text
 * lists first; its caption counts those left off.
 */
export const MAP_TIES = 60;

/** Names in the sentence on partners without coordinates, at most: `partners <city>` lists every one. */
const UNPLACED_NAMES = PAGE_ROWS;

export const map = defineCommand({
  name: 'map',
  args: [{ name: 'city', kind: 'city', required: false }],
  examples: ['map Prague', 'map san francisco', 'map'],
  permission: 'everyone',
  handler: ({ catalog, today, tr }, args) => {
    const homeId = catalog.data.settings.homeCity;
    const city = args.city ?? (homeId === undefined ? undefined : catalog.city(homeId));
    if (!city) return problem(tr.t('map.noCity'));
    const label = shortCityLabel(city, catalog, tr.lang);
    const title = tr.t('map.title', { city: label });
    const ties = tieOrder(catalog, city, tr.lang, today);
    const total = ties.order.length;
    if (total === 0) return answer({ title, text: tr.t('map.none', { city: label }) });

    // Only the rows, dots and names shown are built: a hub's whole list would cost milliseconds per answer.
    const partnerAt = (at: number) => ties.others[ties.order[at] as number] as City;
    const styleAt = (at: number) => TIE_STYLES[ties.styles[at] as number] as TieStyle;
    const number = new Intl.NumberFormat(intlLocale(tr.lang));
    const styleLabel = (style: TieStyle) => tr.t(`map.style.${style}`, { city: label });
    const fields: Field[] = TIE_STYLES.flatMap((style, rank) =>
      ties.counts[rank] ? [{ label: styleLabel(style), value: number.format(ties.counts[rank]) }] : [],
    );
    const sections: Section[] = [];
    for (let at = 0; at < Math.min(total, PAGE_ROWS); at++) {
      const heading = styleLabel(styleAt(at));
      if (sections.at(-1)?.heading !== heading) sections.push({ heading, rows: [] });
      sections.at(-1)?.rows.push({ text: shortCityLabel(partnerAt(at), catalog, tr.lang) });
    }
    if (total > PAGE_ROWS)
      sections.at(-1)?.rows.push({
        text: tSpans(tr, 'cityPartners.more', {
          count: total - PAGE_ROWS,
          command: { command: `partners ${city.id}` },
        }),
      });

    const here = place(city, catalog, tr.lang);
    const placed: { partner: MapPlace; style: TieStyle }[] = [];
    for (let at = 0; at < total && placed.length < MAP_TIES; at++) {
      const where = ties.placed[at] ? place(partnerAt(at), catalog, tr.lang) : undefined;
      if (where) placed.push({ partner: where, style: styleAt(at) });
    }
    const unplaced: string[] = [];
    for (let at = 0; at < total && unplaced.length < UNPLACED_NAMES; at++)
      if (!ties.placed[at]) unplaced.push(shortCityLabel(partnerAt(at), catalog, tr.lang));
    const moreTies = ties.placedCount - placed.length;
    const moreUnplaced = total - ties.placedCount - unplaced.length;
    const sentences = [tr.t('map.total', { count: total, city: label })];
    if (!here) sentences.push(tr.t('map.cityUnplaced', { city: label }));
    else if (unplaced.length > 0) {
      const names =
        moreUnplaced > 0 ? [...unplaced, tr.t('map.moreNames', { count: moreUnplaced })] : unplaced;
      sentences.push(
        tr.t('map.unplaced', { count: total - ties.placedCount, names: formatList(names, tr.lang) }),
      );
    }
    const figure: PartnerMap | undefined =
      here && placed.length > 0
        ? {
            kind: 'map',
            city: here,
            ties: placed,
            unplaced,
            ...(moreTies > 0 && { moreTies }),
            ...(moreUnplaced > 0 && { moreUnplaced }),
          }
        : undefined;
    return answer({
      title,
      text: sentences.join(' '),
      fields,
      sections,
      ...(figure && { figure }),
      ...(here && placed.length === 0 && { footer: tr.t('map.nothingPlaced') }),
    });
  },
});

/**
 * A city's partners in the map's order: by tie style (TIE_STYLES), then by name. Only the style and
 * whether each has coordinates are kept, so an answer builds just the rows and dots it shows.
 */
interface TieOrder {
  /** The partner city of each partnership, by its index in the city's partnerships. */
  readonly others: readonly (City | undefined)[];
  /** Indexes into the city's partnerships, in the map's order; partners the store lacks are left out. */
  readonly order: Uint32Array;
  /** The rank in TIE_STYLES of each, by its place in `order`. */
  readonly styles: Uint8Array;
  /** 1 where the partner has coordinates, by its place in `order`. */
  readonly placed: Uint8Array;
  /** How many partners have each style, by rank in TIE_STYLES. */
  readonly counts: readonly number[];
  readonly placedCount: number;
}

/** A hub's tie order is kept by the catalog for the day, as partnerOrder keeps its list of partners. */
function tieOrder(catalog: Catalog, city: City, lang: Lang, today: Temporal.PlainDate): TieOrder {
  const build = () => tieOrderOf(catalog, city, lang, today);
  if (catalog.partnershipsOf(city.id).length <= PAGE_ROWS) return build();
  return catalog.remember(`map-order|${city.id}|${lang}|${today.toString()}`, build);
}

/** The name order grouped by tie style on the day, names in order within each style (a stable counting sort). */
function tieOrderOf(catalog: Catalog, city: City, lang: Lang, today: Temporal.PlainDate): TieOrder {
  const { partnerships, order: named, others } = partnerNames(catalog, city, lang);
  const rankOf = Uint8Array.from(partnerships, (p, i) =>
    others[i] ? TIE_STYLES.indexOf(tieStyle(p, city.id, today)) : TIE_STYLES.length,
  );
  const counts = TIE_STYLES.map(() => 0);
  for (const rank of rankOf) if (rank < TIE_STYLES.length) (counts[rank] as number)++;
  const starts = [0];
  for (const count of counts) starts.push((starts.at(-1) as number) + count);
  const total = starts.at(-1) as number;
  const order = new Uint32Array(total);
  for (const index of named) {
    const rank = rankOf[index] as number;
    if (rank < TIE_STYLES.length) order[(starts[rank] as number)++] = index;
  }
  const placed = Uint8Array.from(order, (i) => (coordinatesOf(others[i] as City, catalog) ? 1 : 0));
  return {
    others,
    order,
    styles: Uint8Array.from(order, (i) => rankOf[i] as number),
    placed,
    counts,
    placedCount: placed.reduce((sum, one) => sum + one, 0),
  };
}

/**
 * How the map draws a tie (see TieStyle): a pair known only from a list, or with no act that sets a
 * status (a historic tie alone), is `listed`; an ending says whose side ended it when one side did.
 */
export function tieStyle(
  p: Partnership,
  cityId: string,
  today: { year: number; month: number; day: number },
): TieStyle {
  if (listedBy(p) !== undefined || p.milestones.length === 0) return 'listed';
  const derived = deriveStatus(p, today);
  switch (derived.status) {
    case 'active':
      return 'in-force';
    case 'phasing_out':
      return 'phasing-out';
    case 'proposed':
    case 'approved':
      return 'planned';
    case 'suspended':
      return 'suspended';
    case 'disputed':
      return 'disputed';
    case 'terminated': {
      const by = derived.decisive?.by;
      return by === undefined ? 'ended' : by === cityId ? 'ended-by-city' : 'ended-by-partner';
    }
    case 'rejected':
      return 'ended';
    case 'none':
      return 'listed';
  }
}

/**
 * Where a city lies: its own record's coordinates, else those of the world layer's record for it
 * (the same id, or the world city an office city takes the place of).
 */
function coordinatesOf(city: City, catalog: Catalog): { lat: number; lon: number } | undefined {
  if (city.coordinates) return city.coordinates;
  const world = catalog.world;
  if (!world) return undefined;
  for (const id of [city.id, ...catalog.worldTwinIds(city.id)]) {
    const found = world.city(id)?.coordinates;
    if (found) return found;
  }
  return undefined;
}

function place(city: City, catalog: Catalog, lang: Lang): MapPlace | undefined {
  const where = coordinatesOf(city, catalog);
  return where && { id: city.id, name: cityName(city, lang), lat: where.lat, lon: where.lon };
}
