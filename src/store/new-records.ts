import { Temporal } from 'temporal-polyfill';
import { type City, CitySchema } from '../domain/city.ts';
import { earliestDay } from '../domain/fuzzy-date.ts';
import { foldName, slugify } from '../domain/names.ts';
import type { Milestone } from '../domain/partnership.ts';

/** A city to create, as a row or a chat command names it: display name, ISO country and, when the row tells, a region. */
export interface Place {
  name: string;
  country: string;
  region?: string;
}

/** Where a row's facts come from, before it gets an id inside a partnership. */
export interface SourceDraft {
  title: string;
  url?: string;
}

/** A short id for a source, unique among the partnership's sources: "en-wikipedia-org-wiki-prague". */
export function sourceId(source: SourceDraft, taken: ReadonlySet<string>): string {
  const text = source.url ? source.url.replace(/^https?:\/\/(www\.)?/, '') : source.title;
  const base = slugify(text).slice(0, 60).replace(/-+$/, '');
  return uniqueId(base || 'source', taken);
}

/** A new city's id: "concord-california-us", numbered when already taken. */
export function cityId(place: Place, taken: ReadonlySet<string>): string {
  const base = slugify(place.name, ...(place.region ? [place.region] : []), place.country);
  const id = uniqueId(base.slice(0, 110).replace(/-+$/, ''), taken);
  return CitySchema.shape.id.parse(id);
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/**
 * Puts a milestone where it belongs in time, keeping the list chronological: a dated one before the
 * first milestone dated later, an undated one last (the latest thing known, as a status column means).
 */
export function insertMilestone(milestones: Milestone[], milestone: Milestone): void {
  const { date } = milestone;
  const at =
    date === undefined ? -1 : milestones.findIndex((m) => m.date !== undefined && isLater(m.date, date));
  if (at < 0) milestones.push(milestone);
  else milestones.splice(at, 0, milestone);
}

function isLater(date: string, than: string): boolean {
  return Temporal.PlainDate.compare(earliestDay(date), earliestDay(than)) > 0;
}

/**
 * The id of the city a chat command names: a known one, one with the same name, region and country
 * already in the draft (another edit may have just created it), or a new city added to the draft.
 */
export function ensureCity(draft: { cities: City[] }, place: Place): { id: string; created?: City } {
  const folded = foldName(place.name);
  const region = foldName(place.region ?? '');
  const same = draft.cities.find(
    (c) => c.country === place.country && foldName(c.name) === folded && foldName(c.region ?? '') === region,
  );
  if (same) return { id: same.id };
  const city: City = {
    id: cityId(place, new Set(draft.cities.map((c) => c.id))),
    name: place.name,
    names: [],
    country: place.country,
    ...(place.region !== undefined && { region: place.region }),
  };
  draft.cities.push(city);
  return { id: city.id, created: city };
}

/** A source typed in chat as a bare address: titled by its site, for want of a title. */
export function sourceFromUrl(
  url: string,
  taken: ReadonlySet<string>,
): { id: string; title: string; url: string } {
  const title = new URL(url).hostname.replace(/^www\./, '').replace(/\.$/, '') || url;
  return { id: sourceId({ title, url }, taken), title, url };
}
