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
 * statuses and the collator's comparisons cost tens of milliseconds) is kept by the catalog until
 * an edit, so each page of it, and the city's own answer, cost their rows alone.
 */
export function partnerOrder(
  catalog: Catalog,
  city: City,
  lang: Lang,
  today: Temporal.PlainDate,
): PartnerOrder {
  const build = () => ordered(catalog, city, lang, today);
  return catalog.partnershipsOf(city.id).length <= PAGE_ROWS
    ? build()
    : catalog.remember(`partner-order|${city.id}|${lang}|${today.toString()}`, build);
}

function ordered(catalog: Catalog, city: City, lang: Lang, today: Temporal.PlainDate): PartnerOrder {
  const partnerships = catalog.partnershipsOf(city.id);
  const count = partnerships.length;
  const rankOf = new Uint8Array(count);
  const names: string[] = new Array(count);
  const otherOf: (City | undefined)[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const p = partnerships[i] as Partnership;
    const other = partnerOf(p, city, catalog);
    otherOf[i] = other;
    names[i] = other ? cityName(other, lang) : '';
    rankOf[i] = STANDINGS.indexOf(isOnlyListed(p) ? 'listed' : deriveStatus(p, today).status);
  }
  const byName = nameCollator(lang);
  const order = Uint32Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => (rankOf[a] as number) - (rankOf[b] as number) || byName.compare(names[a] ?? '', names[b] ?? ''),
  );
  return {
    partnerships,
    order,
    ranks: Uint8Array.from(order, (i) => rankOf[i] as number),
    others: Array.from(order, (i) => otherOf[i]),
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
