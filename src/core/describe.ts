import type { City } from '../domain/city.ts';
import { countryName } from '../domain/country.ts';
import { precisionOf } from '../domain/fuzzy-date.ts';
import type { Milestone, MilestoneKind, Partnership, PartnershipType } from '../domain/partnership.ts';
import type { DerivedStatus, SideStatus, Status } from '../domain/status.ts';
import { cityName } from '../i18n/city-name.ts';
import type { Lang } from '../i18n/languages.ts';
import { tSpans } from '../i18n/spans.ts';
import { formatList, type Translator, translator } from '../i18n/translator.ts';
import type { Catalog } from '../store/catalog.ts';
import type { Span } from './reply.ts';

const EN = translator('en');

/** "Concord, California, United States": enough to tell same-named cities apart, in English. */
export function cityLabel(city: City): string {
  return cityLabelIn(city, 'en');
}

/**
 * "Concord, California, United States", "Praha, Česko", "北上市（日本・Iwate）": the city's name and
 * country in the reader's language, its region as stored, in the order the language writes them.
 */
export function cityLabelIn(city: City, lang: Lang): string {
  const values = { city: cityName(city, lang), country: countryName(city.country, lang) };
  const tr = translator(lang);
  return city.region
    ? tr.t('describe.cityFull', { ...values, region: city.region })
    : tr.t('describe.cityCountry', values);
}

/** The plain name, qualified only when another city in the store shares it. */
export function shortCityLabel(city: City, catalog: Catalog, lang: Lang = 'en'): string {
  const name = cityName(city, lang);
  if (!catalog.hasNamesake(city)) return name;
  const tr = translator(lang);
  return city.region
    ? tr.t('describe.cityRegion', { city: name, region: city.region })
    : tr.t('describe.cityCountry', { city: name, country: countryName(city.country, lang) });
}

/** A city of the store by id, named in the reader's language; undefined for an id the store lacks. */
export function nameOf(id: string, catalog: Catalog, tr: Translator = EN): string | undefined {
  const city = catalog.city(id);
  return city && cityName(city, tr.lang);
}

/** "active", "aktiv", "有効": a status or one side's status in the reader's language. */
export function statusLabel(status: Status | SideStatus, tr: Translator = EN): string {
  return tr.t(`status.${status}`);
}

/** "sister city", "Städtepartnerschaft", "姉妹都市"; "type not recorded" when none is. */
export function typeLabel(type: PartnershipType | undefined, tr: Translator = EN): string {
  return tr.t(`type.${type ?? 'unknown'}`);
}

export function milestoneLabel(kind: MilestoneKind, tr: Translator = EN): string {
  return tr.t(`milestone.${kind}`);
}

/**
 * "terminated by Shanghai on 14 January 2020", "disputed: Osaka ended it on ...; San Francisco
 * objects". Says who acted alone, because unilateral acts matter to offices.
 */
export function describeStatus(derived: DerivedStatus, catalog: Catalog, tr: Translator = EN): Span[] {
  const decisive = derived.decisive;
  const actor = decisive?.by ? nameOf(decisive.by, catalog, tr) : undefined;
  if (derived.status === 'disputed') {
    const act = decisive
      ? withDate(describeAct(decisive, catalog, tr), decisive, tr)
      : [tr.t('status.someoneActed')];
    return tSpans(tr, 'status.disputedAct', { act: [...act, objectionClause(derived, catalog, tr)] });
  }
  const label = statusLabel(derived.status, tr);
  if (derived.status === 'none') return [label];
  if (derived.status === 'active') return describeActive(decisive, tr);
  return withDate(actor ? tr.t('status.by', { status: label, actor }) : label, decisive, tr);
}

/** "; San Francisco does not accept that" when the status is disputed by a known city, else nothing. */
export function objectionClause(derived: DerivedStatus, catalog: Catalog, tr: Translator = EN): string {
  const objector = derived.objection?.by ? nameOf(derived.objection.by, catalog, tr) : undefined;
  return objector ? tr.t('status.objection', { city: objector }) : '';
}

/**
 * "signed on 14 January 2020", "signed in March 2024", "2020年1月14日に調印": the phrase with the
 * milestone's date where the language puts it, or the phrase alone when the date is unknown.
 */
export function withDate(
  what: string | readonly Span[],
  m: Milestone | undefined,
  tr: Translator = EN,
): Span[] {
  if (!m?.date) return typeof what === 'string' ? [what] : [...what];
  return tSpans(tr, `when.${precisionOf(m.date)}`, { what, date: { date: m.date } });
}

/** "terminated by Shanghai", "rejected by Preston's council", "signed". */
export function describeAct(m: Milestone, catalog: Catalog, tr: Translator = EN): string {
  const actor = m.by ? (nameOf(m.by, catalog, tr) ?? m.by) : undefined;
  if (!actor) return milestoneLabel(m.kind, tr);
  if (m.kind === 'council_approval') return tr.t('milestone.councilApprovalBy', { actor });
  if (m.kind === 'council_rejection') return tr.t('milestone.councilRejectionBy', { actor });
  if (m.kind === 'objection') return tr.t('milestone.objectionBy', { actor });
  return tr.t('milestone.by', { act: milestoneLabel(m.kind, tr), actor });
}

function describeActive(decisive: Milestone | undefined, tr: Translator): Span[] {
  if (!decisive?.date) return [statusLabel('active', tr)];
  const date = { date: decisive.date };
  if (decisive.kind === 'renewal') return tSpans(tr, 'status.activeRenewed', { date });
  if (decisive.kind === 'resumption') return tSpans(tr, 'status.activeAgainSince', { date });
  return tSpans(tr, 'status.activeSince', { date });
}

/** The public lists of the world layer, by the source id their pairs cite. */
const LISTS: Readonly<Record<string, string>> = { wikipedia: 'Wikipedia', wikidata: 'Wikidata' };

/**
 * "listed by Wikipedia and Wikidata" for a pair known only from the public lists: no milestone, so
 * nothing to say about its status or since when. Undefined for a pair with any milestone.
 */
export function listedBy(p: Partnership, tr: Translator = EN): string | undefined {
  if (p.milestones.length > 0) return undefined;
  const cited = new Set(p.sources.map((s) => s.id));
  const lists = Object.entries(LISTS).flatMap(([id, name]) => (cited.has(id) ? [name] : []));
  return lists.length === 0 ? undefined : tr.t('status.listedBy', { lists: formatList(lists, tr.lang) });
}

/** Whether a pair is known only from the public lists (see listedBy), asked without its words. */
export function isOnlyListed(p: Partnership): boolean {
  return p.milestones.length === 0 && p.sources.some((s) => Object.hasOwn(LISTS, s.id));
}

/** What a list says of a pair, where a status would go: "listed by Wikipedia, no date recorded". */
export function listedClause(p: Partnership, tr: Translator = EN): string | undefined {
  const listed = listedBy(p, tr);
  return listed && tr.t('status.listedNoDate', { listed });
}

/** "Name of the city" from "name of the city": descriptions start lower case so they read inside sentences. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
