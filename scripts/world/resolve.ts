// Entity resolution: every mention of a list resolves to one real place (a gazetteer place, or a
// body of its own that the gazetteer does not hold), or the row is left out with the reason. Names
// are compared within the country only, and a name several places share is decided by evidence:
// the list's coordinates, a region in the name, the pair listed the other way round by the partner's
// page, or a place that dwarfs its namesakes. Otherwise the row is left out, never guessed.
import { readCountry, toCountryCode } from '../../src/domain/country.ts';
import { distanceKm, SAME_PLACE_KM } from '../../src/domain/geo.ts';
import { foldName } from '../../src/domain/names.ts';
import { COUNTRY_FIXES } from './country-fixes.ts';
import type { Gazetteer, NameMatch, Place } from './gazetteer.ts';
import type { ListRow, Mention } from './lists.ts';

/** A place the gazetteer does not hold: a district, a borough, a village under 1,000 people. */
export interface OwnBody {
  key: string;
  name: string;
  country: string;
  region?: string;
  coordinates?: { lat: number; lon: number };
  population?: number;
}

export type Target = { place: Place } | { own: OwnBody };

export const LEFT_OUT_REASONS = [
  'no name',
  'no country given',
  'country not known',
  'a country or territory, not a city',
  'ambiguous name',
] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

type Reading =
  | { kind: 'resolved'; target: Target; territory?: string }
  | { kind: 'choice'; candidates: Place[]; name: string; territory?: string }
  | { kind: 'out'; reason: LeftOutReason; detail: string };

export interface ResolvedRow {
  row: ListRow;
  a: Target;
  b: Target;
  territories: [string | undefined, string | undefined];
}

export interface LeftOutRow {
  row: ListRow;
  reason: LeftOutReason;
  detail: string;
}

export interface Resolution {
  resolved: ResolvedRow[];
  leftOut: LeftOutRow[];
}

/** How far a differently spelt name may lie and still be read as the same place. */
const SPELLING_KM = 10;

/** A place this many times as populous as every namesake in its country is the one a list means. */
const DOMINANT_RATIO = 5;

/** A qualifier in parentheses that says the name is an administrative body, not a town. */
const ADMIN_QUALIFIER =
  /^(district|rural gmina|urban gmina|urban-rural gmina|gmina|communauté|county|municipality|parish|microregion|intercommunality|samtgemeinde|amt|state|local government district|region|province|borough|commune|department|prefecture|oblast|raion|rayon|canton)$/i;

/** A name that itself says it is an administrative body. */
const ADMIN_NAME =
  /(?:\s(?:District|County|Region|Province|Municipality|Parish|Oblast|Raion|Rayon|Prefecture|Governorate|Voivodeship|Department|Borough|Regency|Shire)$)|(?:^(?:County|Gmina|Powiat|Landkreis|District of|Municipality of)\s)/;

export function resolveRows(rows: ListRow[], gazetteer: Gazetteer): Resolution {
  const reader = mentionReader(gazetteer);
  const readings = rows.map((row) => [reader.read(row.a, row.list), reader.read(row.b, row.list)] as const);
  reader.attachUnplacedToCoordinates(readings.flat());

  const partners = new Map<string, Set<string>>();
  for (const [a, b] of readings) {
    if (a.kind !== 'resolved' || b.kind !== 'resolved') continue;
    link(partners, targetKey(a.target), targetKey(b.target));
    link(partners, targetKey(b.target), targetKey(a.target));
  }

  const resolved: ResolvedRow[] = [];
  const leftOut: LeftOutRow[] = [];
  rows.forEach((row, i) => {
    const [first, second] = readings[i] as readonly [Reading, Reading];
    const a = decide(first, second, partners);
    const b = decide(second, first, partners);
    const out = a.kind === 'out' ? a : b.kind === 'out' ? b : undefined;
    if (out?.kind === 'out') {
      leftOut.push({ row, reason: out.reason, detail: out.detail });
    } else if (a.kind === 'resolved' && b.kind === 'resolved') {
      // No place is twinned with itself: the list names two namesakes alike (the two Nienburgs).
      if (targetKey(a.target) === targetKey(b.target))
        leftOut.push({
          row,
          reason: 'ambiguous name',
          detail: `"${row.a.name}" and "${row.b.name}" both read as one place; the list gives nothing to tell the two apart`,
        });
      else resolved.push({ row, a: a.target, b: b.target, territories: [a.territory, b.territory] });
    }
  });
  return { resolved, leftOut };
}

export function targetKey(target: Target): string {
  return 'place' in target ? `g${target.place.geonameid}` : target.own.key;
}

function link(map: Map<string, Set<string>>, from: string, to: string): void {
  const set = map.get(from);
  if (set) set.add(to);
  else map.set(from, new Set([to]));
}

/** Several places share the name: the partner's own listing, then a dominant place, decide. */
function decide(reading: Reading, partner: Reading, partners: Map<string, Set<string>>): Reading {
  if (reading.kind !== 'choice') return reading;
  if (partner.kind === 'resolved') {
    const listed = partners.get(targetKey(partner.target));
    const hits = reading.candidates.filter((c) => listed?.has(`g${c.geonameid}`));
    if (hits.length === 1)
      return { kind: 'resolved', target: { place: hits[0] as Place }, territory: reading.territory };
  }
  const [top, next] = reading.candidates;
  if (top && next && top.population >= DOMINANT_RATIO * Math.max(next.population, 1))
    return { kind: 'resolved', target: { place: top }, territory: reading.territory };
  return {
    kind: 'out',
    reason: 'ambiguous name',
    detail: `${reading.candidates.length} places are named "${reading.name}": ${reading.candidates
      .slice(0, 4)
      .map(describePlace)
      .join('; ')}${reading.candidates.length > 4 ? '; …' : ''}`,
  };
}

function describePlace(p: Place): string {
  return [p.name, p.region, p.country, `population ${p.population}`].filter(Boolean).join(', ');
}

function mentionReader(gazetteer: Gazetteer) {
  const clusters = new Map<string, OwnBody[]>();

  function inCountries(codes: string[], name: string, matches: NameMatch[]): Place[] {
    const found: Place[] = [];
    for (const code of codes) {
      const tiers = gazetteer.lookup(code, name);
      for (const m of matches) found.push(...(tiers.get(m) ?? []));
    }
    return [...new Set(found)];
  }

  /** The closest kind of match that finds anything: a place's main name before its other names. */
  function firstTier(codes: string[], name: string): Place[] {
    return exactTier(codes, name).length > 0 ? exactTier(codes, name) : inCountries(codes, name, ['folded']);
  }

  function exactTier(codes: string[], name: string): Place[] {
    for (const m of ['name', 'alternate'] as const) {
      const found = inCountries(codes, name, [m]);
      if (found.length > 0) return found;
    }
    return [];
  }

  function choose(places: Place[], name: string, territory: string | undefined): Reading {
    if (places.length === 1) return { kind: 'resolved', target: { place: places[0] as Place }, territory };
    const candidates = [...places].sort((x, y) => y.population - x.population || x.geonameid - y.geonameid);
    return { kind: 'choice', candidates, name, territory };
  }

  function own(codes: string[], territory: string | undefined, name: string, region?: string): Reading {
    if (codes.length !== 1)
      return {
        kind: 'out',
        reason: 'country not known',
        detail: `"${name}": the gazetteer has no such place in ${codes.join(' or ')} to decide which`,
      };
    const country = codes[0] as string;
    const key = `o|${country}|${region ?? ''}|${partOfCity(name)}`;
    return {
      kind: 'resolved',
      target: { own: { key, name, country, ...(region ? { region } : {}) } },
      territory,
    };
  }

  function readListed(m: Mention): Reading {
    let name = m.name;
    let countryText = COUNTRY_FIXES[m.country] ?? m.country;
    if (name === '') return { kind: 'out', reason: 'no name', detail: 'a row with an empty city name' };
    if (countryText === '') {
      const tail = name.match(/^(.+?),\s*([^,]+)$/);
      if (tail && readCountry(tail[2] as string)) {
        name = tail[1] as string;
        countryText = tail[2] as string;
      } else if (toCountryCode(name))
        return { kind: 'out', reason: 'a country or territory, not a city', detail: `"${name}"` };
      else return { kind: 'out', reason: 'no country given', detail: `"${name}" has no country` };
    }
    const country = readCountry(countryText);
    if (!country) return { kind: 'out', reason: 'country not known', detail: `"${countryText}"` };
    const { codes, territory } = country;

    const whole = exactTier(codes, name);
    if (whole.length > 0) return choose(whole, name, territory);
    const namesState = name.length > 3 && !name.includes(',') ? toCountryCode(name) : undefined;
    if (namesState) {
      // A city that is its own territory, listed under another state: "Macau, China".
      const cityState = exactTier([namesState], name);
      if (cityState.length === 1) return choose(cityState, name, territory);
      return { kind: 'out', reason: 'a country or territory, not a city', detail: `"${name}"` };
    }
    if (name.includes(' – ')) return own(codes, territory, name);

    const paren = name.match(/^(.+?)\s*\(([^)]+)\)$/);
    if (paren) {
      const [, base, qualifier] = paren as unknown as [string, string, string];
      if (ADMIN_QUALIFIER.test(qualifier)) return own(codes, territory, name);
      const inRegion = withinRegion(allTiers(codes, base), qualifier);
      return inRegion.length > 0 ? choose(inRegion, name, territory) : own(codes, territory, name);
    }
    if (ADMIN_NAME.test(name)) return own(codes, territory, name);

    const comma = name.match(/^(.+?),\s*(.+)$/);
    if (comma) {
      const [, base, qualifier] = comma as unknown as [string, string, string];
      const named = readCountry(qualifier);
      if (named?.codes.some((c) => codes.includes(c))) name = base;
      else {
        const inRegion = withinRegion(allTiers(codes, base), qualifier);
        return inRegion.length > 0
          ? choose(inRegion, name, territory)
          : own(codes, territory, base, qualifier);
      }
    }
    const found = firstTier(codes, name);
    return found.length > 0 ? choose(found, name, territory) : own(codes, territory, name);
  }

  function allTiers(codes: string[], name: string): Place[] {
    return inCountries(codes, name, ['name', 'alternate', 'folded']);
  }

  function readWithCoordinates(m: Mention, at: { lat: number; lon: number }): Reading {
    const country = readCountry(COUNTRY_FIXES[m.country] ?? m.country);
    const codes = country?.codes ?? [];
    const names = [...new Set([m.name, m.name.replace(/\s*\([^)]*\)$/, ''), m.name.replace(/,.*$/, '')])];
    const near = [...new Set(names.flatMap((n) => gazetteer.lookupAnywhere(n)))].filter(
      (p) => distanceKm(p, at) <= SAME_PLACE_KM,
    );
    if (near.length > 0) {
      const rank = (p: Place) => [
        codes.includes(p.country) ? 0 : 1,
        names.includes(p.name)
          ? 0
          : names.some((n) => p.asciiName === n || p.alternateNames.includes(n))
            ? 1
            : 2,
        distanceKm(p, at),
        p.geonameid,
      ];
      const best = near.sort((x, y) => compareTuples(rank(x), rank(y)))[0] as Place;
      const territory =
        country?.territory && country.codes.includes(best.country) ? country.territory : undefined;
      return { kind: 'resolved', target: { place: best }, territory };
    }
    const spelt = nearlyNamed(codes, names, at);
    if (spelt) {
      const territory =
        country?.territory && country.codes.includes(spelt.country) ? country.territory : undefined;
      return { kind: 'resolved', target: { place: spelt }, territory };
    }
    if (codes.length !== 1)
      return {
        kind: 'out',
        reason: 'country not known',
        detail: `"${m.country}", and the gazetteer has no "${m.name}" within ${SAME_PLACE_KM} km`,
      };
    return {
      kind: 'resolved',
      target: { own: clustered(codes[0] as string, m, at) },
      territory: country?.territory,
    };
  }

  /**
   * A transliteration the gazetteer does not carry ("Mogilyov" for Mogilev): a place of the same
   * country within a few kilometres whose name differs by at most two letters, when there is one.
   */
  function nearlyNamed(
    codes: string[],
    names: string[],
    at: { lat: number; lon: number },
  ): Place | undefined {
    const folded = names.map(foldName);
    const near = gazetteer
      .near(at, SPELLING_KM)
      .filter(
        (p) =>
          codes.includes(p.country) &&
          [p.name, p.asciiName, ...p.alternateNames].some((n) =>
            folded.some((f) => f.length >= 5 && withinTwoEdits(foldName(n), f)),
          ),
      );
    return near.length === 1 ? near[0] : undefined;
  }

  /** Rows of a list that name one unlisted place with slightly different coordinates are one body. */
  function clustered(country: string, m: Mention, at: { lat: number; lon: number }): OwnBody {
    const key = `${country}|${m.name}`;
    const list = clusters.get(key) ?? [];
    clusters.set(key, list);
    const hit = list.find((b) => b.coordinates && distanceKm(b.coordinates, at) <= SAME_PLACE_KM);
    if (hit) return hit;
    const body: OwnBody = {
      key: `w|${key}|${list.length}`,
      name: m.name,
      country,
      coordinates: at,
      ...(m.population ? { population: m.population } : {}),
    };
    list.push(body);
    return body;
  }

  return {
    read(m: Mention, _list: ListRow['list']): Reading {
      return m.coordinates ? readWithCoordinates(m, m.coordinates) : readListed(m);
    },
    /**
     * A body the gazetteer lacks, named the same in the same country by the list with coordinates,
     * is that body when there is only one such.
     */
    attachUnplacedToCoordinates(readings: Reading[]): void {
      for (const r of readings) {
        if (r.kind !== 'resolved' || !('own' in r.target) || r.target.own.coordinates || r.target.own.region)
          continue;
        const { country, name } = r.target.own;
        const paren = name.match(/^(.+?)\s*\(([^)]+)\)$/);
        const spellings = [name];
        if (paren && !ADMIN_QUALIFIER.test(paren[2] as string)) spellings.push(paren[1] as string);
        for (const spelling of spellings) {
          const bodies = clusters.get(`${country}|${spelling}`);
          if (bodies?.length === 1) {
            r.target = { own: bodies[0] as OwnBody };
            break;
          }
        }
      }
    },
  };
}

/** The pages write a part of a city both ways: "Berlin – Neukölln" and "Neukölln (Berlin)" are one body. */
function partOfCity(name: string): string {
  const dash = name.match(/^(.+?) – (.+)$/);
  return dash ? `${dash[2]} (${dash[1]})` : name;
}

function withinRegion(places: Place[], qualifier: string): Place[] {
  const q = foldName(qualifier);
  if (q === '') return [];
  return places.filter((p) =>
    [p.region, p.subregion].some((r) => {
      if (!r) return false;
      const f = foldName(r);
      return f === q || f.includes(q) || q.includes(f);
    }),
  );
}

function compareTuples(x: (number | string)[], y: (number | string)[]): number {
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (a !== b) return a < b ? -1 : 1;
  }
  return 0;
}

/** Levenshtein distance of at most two, for names of five letters or more. */
export function withinTwoEdits(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return (row[b.length] as number) <= 2;
}
