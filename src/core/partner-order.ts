import type { Temporal } from 'temporal-polyfill';
import type { City } from '../domain/city.ts';
import type { Partnership } from '../domain/partnership.ts';
import { deriveStatus, isCelebrated, STATUSES, type Status } from '../domain/status.ts';
import { cityName } from '../i18n/city-name.ts';
import type { Lang } from '../i18n/languages.ts';
import { nameCollator } from '../i18n/translator.ts';
import type { Catalog } from '../store/catalog.ts';
import { isOnlyListed } from './describe.ts';
import { PAGE_ROWS } from './paging.ts';

/** Where a partnership stands in a list of partners: its status, or only listed by the public lists. */
export type Standing = Status | 'none' | 'listed';

/**
 * Standings in list order, by rank: no status first (as before statuses were ordered), then the
 * statuses in their own order, then the pairs only listed, which have no status to tell.
 */
const STANDINGS: readonly Standing[] = ['none', ...STATUSES, 'listed'];

/**
 * A city's partnerships in the order its partners are listed: by standing, then by the partner's
 * name as the reader's language sorts. Only the standing is kept beside each, so a page builds its
 * own rows (labels, sentences, dates) and the list as a whole costs no words.
 */
export interface PartnerOrder {
  /** The city's partnerships (see Catalog.partnershipsOf) that `order` points into. */
  readonly partnerships: readonly Partnership[];
  /** Indexes into `partnerships`, in list order. */
  readonly order: Uint32Array;
  /** The rank in STANDINGS of each listed partnership, by its place in `order`. */
  readonly ranks: Uint8Array;
  /** The partner city of each, by its place in `order`; undefined for an id the store lacks. */
  readonly others: readonly (City | undefined)[];
}

/**
 * The order of a city's partners for a reader on a day. A hub's (thousands of partners: the
 * collator's comparisons alone cost several milliseconds) is kept by the catalog until an edit, so
 * each page of it, and the city's own answer, cost their rows alone; its order by name is kept apart
 * from the day, so a new day costs the statuses, not the sorting.
 */
export function partnerOrder(
  catalog: Catalog,
  city: City,
  lang: Lang,
  today: Temporal.PlainDate,
): PartnerOrder {
  const names = () => partnerNames(catalog, city, lang);
  if (catalog.partnershipsOf(city.id).length <= PAGE_ROWS) return byStanding(names(), today);
  return catalog.remember(`partner-order|${city.id}|${lang}|${today.toString()}`, () =>
    byStanding(names(), today),
  );
}

/**
 * A city's partners by name in the reader's language: a hub's is kept by the catalog until an edit,
 * for every list that orders its partners its own way by day (`partners`, `city`, `map`).
 */
export function partnerNames(catalog: Catalog, city: City, lang: Lang): NameOrder {
  if (catalog.partnershipsOf(city.id).length <= PAGE_ROWS) return byName(catalog, city, lang);
  return catalog.remember(`partner-names|${city.id}|${lang}`, () => byName(catalog, city, lang));
}

/** A city's partnerships by the partner's name as the reader's language sorts, and each one's partner. */
export interface NameOrder {
  readonly partnerships: readonly Partnership[];
  /** Indexes into `partnerships`, by name. */
  readonly order: Uint32Array;
  /** The partner city of each partnership, by its index in `partnerships`. */
  readonly others: readonly (City | undefined)[];
}

function byName(catalog: Catalog, city: City, lang: Lang): NameOrder {
  const partnerships = catalog.partnershipsOf(city.id);
  const others = partnerships.map((p) => partnerOf(p, city, catalog));
  const names = others.map((other) => (other ? cityName(other, lang) : ''));
  const collator = nameCollator(lang);
  const order = Uint32Array.from(names.keys()).sort((a, b) =>
    collator.compare(names[a] as string, names[b] as string),
  );
  return { partnerships, order, others };
}

/** The name order grouped by standing on the day, names in order within each standing (a stable counting sort). */
function byStanding(
  { partnerships, order: named, others }: NameOrder,
  today: Temporal.PlainDate,
): PartnerOrder {
  const rankOf = Uint8Array.from(partnerships, (p) =>
    STANDINGS.indexOf(isOnlyListed(p) ? 'listed' : deriveStatus(p, today).status),
  );
  const starts = new Uint32Array(STANDINGS.length + 1);
  for (const rank of rankOf) (starts[rank + 1] as number)++;
  for (let rank = 1; rank <= STANDINGS.length; rank++)
    starts[rank] = (starts[rank] as number) + (starts[rank - 1] as number);
  const order = new Uint32Array(named.length);
  for (const index of named) order[(starts[rankOf[index] as number] as number)++] = index;
  return {
    partnerships,
    order,
    ranks: Uint8Array.from(order, (i) => rankOf[i] as number),
    others: Array.from(order, (i) => others[i]),
  };
}

/** The other city of one of this city's partnerships, if the store knows it. */
export function partnerOf(p: Partnership, city: City, catalog: Catalog): City | undefined {
  return catalog.city(p.cities[0] === city.id ? p.cities[1] : p.cities[0]);
}

/** The standing at a rank of PartnerOrder.ranks. */
export function standingOf(rank: number): Standing {
  return STANDINGS[rank] ?? 'none';
}

/** In force on the day, or listed by the public lists (no act to say otherwise): what makes a Yes to "does it have one?". */
export function countsAsPartner(rank: number): boolean {
  const standing = standingOf(rank);
  return standing === 'listed' || isCelebrated(standing);
}
