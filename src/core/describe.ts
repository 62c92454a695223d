import type { City } from '../domain/city.ts';
import { countryName } from '../domain/country.ts';
import { precisionOf } from '../domain/fuzzy-date.ts';
import type { Milestone, MilestoneKind, Partnership, PartnershipType } from '../domain/partnership.ts';
import type { DerivedStatus, SideStatus, Status } from '../domain/status.ts';
import type { Catalog } from '../store/catalog.ts';
import type { Span } from './reply.ts';

/** "Concord, California, United States": enough to tell same-named cities apart. */
export function cityLabel(city: City): string {
  return [city.name, city.region, countryName(city.country)].filter((part) => part !== undefined).join(', ');
}

/** The plain name, qualified only when another city in the store shares it. */
export function shortCityLabel(city: City, catalog: Catalog): string {
  if (!catalog.hasNamesake(city)) return city.name;
  return city.region ? `${city.name}, ${city.region}` : `${city.name}, ${countryName(city.country)}`;
}

export const STATUS_LABELS: Record<Status | SideStatus, string> = {
  none: 'no status recorded',
  proposed: 'proposed',
  approved: 'approved',
  active: 'active',
  suspended: 'suspended',
  phasing_out: 'being phased out',
  terminated: 'terminated',
  rejected: 'rejected',
  disputed: 'disputed',
};

export const TYPE_LABELS: Record<PartnershipType, string> = {
  sister_city: 'sister city',
  twin_town: 'twin town',
  partner_city: 'partner city',
  friendship_city: 'friendship city',
  cooperation_mou: 'cooperation memorandum',
};

export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  historic_tie: 'historic tie',
  proposal: 'proposed',
  mou: 'memorandum signed',
  council_approval: 'approved by the council',
  council_rejection: 'rejected by the council',
  signing: 'signed',
  renewal: 'renewed',
  suspension: 'suspended',
  resumption: 'resumed',
  phase_out: 'phase-out announced',
  termination: 'terminated',
  objection: 'objected',
};

export function typeLabel(type: PartnershipType | undefined): string {
  return type ? TYPE_LABELS[type] : 'type not recorded';
}

/**
 * "terminated by Shanghai on 14 January 2020", "disputed: Osaka ended it on ...; San Francisco
 * objects". Says who acted alone, because unilateral acts matter to offices.
 */
export function describeStatus(derived: DerivedStatus, catalog: Catalog): Span[] {
  const decisive = derived.decisive;
  const actor = decisive?.by ? catalog.city(decisive.by)?.name : undefined;
  if (derived.status === 'disputed') {
    return [
      'disputed: ',
      decisive ? describeAct(decisive, catalog) : 'one side acted',
      ...dateClause(decisive),
      objectionClause(derived, catalog),
    ];
  }
  const label = STATUS_LABELS[derived.status];
  if (derived.status === 'none') return [label];
  if (derived.status === 'active') return describeActive(decisive);
  return [actor ? `${label} by ${actor}` : label, ...dateClause(decisive)];
}

/** "; San Francisco does not accept that" when the status is disputed by a known city, else nothing. */
export function objectionClause(derived: DerivedStatus, catalog: Catalog): string {
  const objector = derived.objection?.by ? catalog.city(derived.objection.by)?.name : undefined;
  return objector ? `; ${objector} does not accept that` : '';
}

/** " on 14 January 2020", " in March 2024", or nothing when the date is unknown. */
export function dateClause(m: Milestone | undefined): Span[] {
  return m?.date ? [precisionOf(m.date) === 'day' ? ' on ' : ' in ', { date: m.date }] : [];
}

/** "terminated by Shanghai", "rejected by Preston's council", "signed". */
export function describeAct(m: Milestone, catalog: Catalog): string {
  const actor = m.by ? (catalog.city(m.by)?.name ?? m.by) : undefined;
  if (!actor) return MILESTONE_LABELS[m.kind];
  if (m.kind === 'council_approval') return `approved by ${actor}'s council`;
  if (m.kind === 'council_rejection') return `rejected by ${actor}'s council`;
  if (m.kind === 'objection') return `objected to by ${actor}`;
  return `${MILESTONE_LABELS[m.kind]} by ${actor}`;
}

function describeActive(decisive: Milestone | undefined): Span[] {
  if (!decisive?.date) return ['active'];
  if (decisive.kind === 'renewal') return ['active, renewed ', { date: decisive.date }];
  if (decisive.kind === 'resumption') return ['active again since ', { date: decisive.date }];
  return ['active since ', { date: decisive.date }];
}

/** The public lists of the world layer, by the source id their pairs cite. */
const LISTS: Readonly<Record<string, string>> = { wikipedia: 'Wikipedia', wikidata: 'Wikidata' };

/**
 * "listed by Wikipedia and Wikidata" for a pair known only from the public lists: no milestone, so
 * nothing to say about its status or since when. Undefined for a pair with any milestone.
 */
export function listedBy(p: Partnership): string | undefined {
  if (p.milestones.length > 0) return undefined;
  const cited = new Set(p.sources.map((s) => s.id));
  const lists = Object.entries(LISTS).flatMap(([id, name]) => (cited.has(id) ? [name] : []));
  return lists.length === 0 ? undefined : `listed by ${lists.join(' and ')}`;
}

/** What a list says of a pair, where a status would go: "listed by Wikipedia, no date recorded". */
export function listedClause(p: Partnership): string | undefined {
  const listed = listedBy(p);
  return listed && `${listed}, no date recorded`;
}

/** "Name of the city" from "name of the city": descriptions start lower case so they read inside sentences. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
