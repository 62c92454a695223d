import * as z from 'zod';
import { toCountryCode } from '../domain/country.ts';
import { type FuzzyDate, readFuzzyDate } from '../domain/fuzzy-date.ts';
import { foldName, nameProblem } from '../domain/names.ts';
import {
  type Milestone,
  type MilestoneKind,
  MilestoneSchema,
  PARTNERSHIP_TYPES,
  PartnershipSchema,
  type PartnershipType,
  SourceSchema,
} from '../domain/partnership.ts';
import { deriveStatus, STATUSES, type Status } from '../domain/status.ts';
import { insertMilestone, type Place, type SourceDraft } from './new-records.ts';

/** What one valid row says, typed. */
export interface ImportRow {
  a: Place;
  b: Place;
  type?: PartnershipType;
  signed?: FuzzyDate;
  status?: Status;
  status_date?: FuzzyDate;
  status_by?: 'a' | 'b' | 'both';
  reason?: string;
  note?: string;
  source?: SourceDraft;
}

/** The columns the importer understands; `city1`-style names are accepted for the required four. */
export const COLUMNS = [
  'city_a',
  'country_a',
  'region_a',
  'city_b',
  'country_b',
  'region_b',
  'type',
  'signed',
  'status',
  'status_date',
  'status_by',
  'reason',
  'note',
  'source',
] as const;
export type Column = (typeof COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly Column[] = ['city_a', 'country_a', 'city_b', 'country_b'];
export const COLUMN_ALIASES: Partial<Record<Column, string>> = {
  city_a: 'city1',
  country_a: 'country1',
  region_a: 'region1',
  city_b: 'city2',
  country_b: 'country2',
  region_b: 'region2',
};

const ALIAS_TO_COLUMN = new Map(
  Object.entries(COLUMN_ALIASES).map(([column, alias]) => [alias, column as Column]),
);

/** "City A", "CITY-A" and "city1" all name the column city_a; undefined for a column we do not know. */
export function canonicalColumn(header: string): Column | undefined {
  const name = snakeCase(header);
  const column = ALIAS_TO_COLUMN.get(name) ?? name;
  return (COLUMNS as readonly string[]).includes(column) ? (column as Column) : undefined;
}

/** "Phasing out" -> "phasing_out", "City A" -> "city_a". */
function snakeCase(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** UK nations appear alone in country cells ("Wales"); they resolve to GB and are kept as the region. */
const NATIONS_AS_REGIONS = new Set(['england', 'scotland', 'wales', 'northern ireland']);

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const cell = z.preprocess(blankToUndefined, z.string().optional());
/** Vocabulary cells forgive case, spaces and hyphens: "Phasing out" is phasing_out. */
const vocabulary = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? snakeCase(value) : undefined),
    z.enum(values).optional(),
  );
const fuzzyDate = cell.transform((text, ctx) => {
  if (text === undefined) return undefined;
  const date = readFuzzyDate(text);
  if (date === undefined)
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)` });
  return date;
});

/** One CSV row, keyed by canonical column names, read into typed facts; blank cells count as absent. */
export const RowSchema = z
  .object({
    city_a: z.string(),
    country_a: z.string(),
    region_a: cell,
    city_b: z.string(),
    country_b: z.string(),
    region_b: cell,
    type: vocabulary(PARTNERSHIP_TYPES),
    signed: fuzzyDate,
    status: vocabulary(STATUSES),
    status_date: fuzzyDate,
    status_by: vocabulary(['a', 'b', 'both'] as const),
    reason: z.preprocess(blankToUndefined, MilestoneSchema.shape.reason),
    note: z.preprocess(blankToUndefined, PartnershipSchema.shape.notes),
    source: z.preprocess(blankToUndefined, z.string().max(500).optional()),
  })
  .transform((cells, ctx) => {
    const a = readPlace('a', cells.city_a, cells.country_a, cells.region_a);
    const b = readPlace('b', cells.city_b, cells.country_b, cells.region_b);
    if (typeof a === 'string') ctx.addIssue({ code: 'custom', path: ['city_a'], message: a });
    if (typeof b === 'string') ctx.addIssue({ code: 'custom', path: ['city_b'], message: b });
    const problem = statusProblem(cells);
    if (problem) ctx.addIssue({ code: 'custom', path: ['status'], message: problem });
    if (typeof a === 'string' || typeof b === 'string' || problem) return z.NEVER;
    return {
      a,
      b,
      type: cells.type,
      signed: cells.signed,
      status: cells.status,
      status_date: cells.status_date,
      status_by: cells.status_by,
      reason: cells.reason,
      note: cells.note,
      source: cells.source === undefined ? undefined : readSource(cells.source),
    };
  })
  .superRefine((row, ctx) => {
    const clash = statusClash(row);
    if (clash) ctx.addIssue({ code: 'custom', path: ['status'], message: clash });
  });

/** Cells that only make sense together with a status. */
function statusProblem(cells: {
  status?: Status;
  status_date?: string;
  status_by?: 'a' | 'b' | 'both';
  reason?: string;
}): string | undefined {
  if (cells.status === undefined) {
    const orphans = (['status_date', 'status_by', 'reason'] as const).filter(
      (column) => cells[column] !== undefined,
    );
    return orphans.length > 0 ? `${orphans.join(', ')} given without a status` : undefined;
  }
  if (cells.status === 'disputed' && (cells.status_by === undefined || cells.status_by === 'both')) {
    return 'disputed needs status_by a or b: the side that ended the partnership';
  }
  return undefined;
}

/**
 * Reads a city from its cells, forgiving the forms registries use without losing a word of them:
 * - after commas, a region and the country: "Córdoba, Bolívar", "Varna, Bulgaria" (the country, when
 *   the country cell is empty), "Springfield, Illinois, US"; a trailing country that repeats the
 *   country cell is said twice and dropped;
 * - a place in brackets at the end, capitalised, is the region: "Prague 6 (Prague)";
 * - anything else in brackets stays part of the name: "Paderborn (district)" is the district, a body of
 *   its own beside the city of Paderborn;
 * - country cells such as "Wales, United Kingdom" or "Georgia (country)", the nation becoming the region
 *   when nothing else names one.
 * When the name places the city in one region and the region cell (or the name itself) in another,
 * the row is refused rather than one of them dropped. Returns the reason when the cells do not name a
 * city in a known country.
 */
function readPlace(
  side: 'a' | 'b',
  cityCell: string,
  countryCell: string,
  regionCell: string | undefined,
): Place | string {
  const [named = '', ...qualifiers] = splitOutsideBrackets(cityCell);
  const { name, noteRegion } = splitNote(named);
  const nameWrong = nameProblem(name);
  if (nameWrong) return name === '' ? 'no city name' : `the city name ${quoted(name)}${nameWrong}`;
  const fromName = countryCell === '';
  const countryText = fromName ? qualifiers.pop() : countryCell;
  if (countryText === undefined) return `no country for ${name}: fill in country_${side}`;
  const country = toCountryCode(countryText);
  if (country === undefined) {
    return fromName
      ? `unknown country "${countryText}" (read after the comma, since country_${side} is empty): fill in country_${side}`
      : `unknown country "${countryText}"`;
  }
  // "Wales" resolves to GB but is a region, not the country said twice.
  const saysCountry = (text: string) =>
    toCountryCode(text) === country && regionInCountryCell(text, country) === undefined;
  const last = qualifiers.at(-1);
  if (last !== undefined && saysCountry(last)) qualifiers.pop();
  const inName = [qualifiers.join(', '), noteRegion].filter(
    (region): region is string => region !== undefined && region !== '' && !saysCountry(region),
  );
  const stated = regionCell === undefined ? inName : [regionCell, ...inName];
  const [region = regionInCountryCell(countryText, country), other] = distinctByFold(stated);
  if (other !== undefined) {
    const clash =
      regionCell === undefined
        ? `names two regions, ${region} and ${other}`
        : `places the city in ${other}, but region_${side} says ${region}`;
    return `"${cityCell}" ${clash}: write the city's name alone in city_${side} and its one region in region_${side}`;
  }
  const regionWrong = region === undefined ? undefined : nameProblem(region);
  if (regionWrong) return `the region ${quoted(region ?? '')}${regionWrong}`;
  return region === undefined ? { name, country } : { name, country, region };
}

/** "Córdoba (Bolívar), CO" -> ["Córdoba (Bolívar)", "CO"]: commas inside brackets belong to the part. */
function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((part, i) => i === 0 || part !== '');
}

/** "Prague 6 (Prague)" -> name "Prague 6" in the region "Prague"; other text stays whole. */
function splitNote(text: string): { name: string; noteRegion?: string } {
  const match = /^(.+?)\s*\((\p{Lu}[^()]*)\)$/u.exec(text);
  const [, name, note] = match ?? [];
  return name && note ? { name, noteRegion: note.trim() } : { name: text };
}

/** The texts that differ once folded, in order: "Prague" and "prague" are one region. */
function distinctByFold(texts: string[]): string[] {
  const seen = new Map<string, string>();
  for (const text of texts) if (!seen.has(foldName(text))) seen.set(foldName(text), text);
  return [...seen.values()];
}

/** A value quoted for a message, with a space after it; left out when too long to be read there. */
function quoted(text: string): string {
  return text.length <= 60 ? `"${text}" ` : '';
}

/** "Wales, United Kingdom" and "Wales" both put the city in the region Wales of GB. */
function regionInCountryCell(text: string, country: string): string | undefined {
  const bare = text.replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (NATIONS_AS_REGIONS.has(foldName(bare))) return bare;
  const commaAt = bare.lastIndexOf(',');
  if (commaAt <= 0 || toCountryCode(bare.slice(commaAt + 1)) !== country) return undefined;
  return bare.slice(0, commaAt).trim() || undefined;
}

/** A source cell is either a link (kept as the url, and as the title for want of one) or a title. */
function readSource(text: string): SourceDraft {
  return SourceSchema.shape.url.safeParse(text).success ? { title: text, url: text } : { title: text };
}

const STATUS_MILESTONE: Record<Exclude<Status, 'disputed'>, MilestoneKind> = {
  proposed: 'proposal',
  approved: 'council_approval',
  active: 'signing',
  suspended: 'suspension',
  phasing_out: 'phase_out',
  terminated: 'termination',
  rejected: 'council_rejection',
};

/**
 * The milestones one row states, in the order the row states them. `signed` is a signing; a status is
 * the milestone that brings it about, dated `status_date`, by the city in `status_by` (both cities
 * when omitted). `active` adds a signing only when no signed date is given. `disputed` is recorded the
 * way the domain models it: the `status_by` side ended the partnership (a termination by that side)
 * and the other side objects to that (an objection, same date). A row with neither signed nor status
 * only says that the two cities are twinned: an undated signing.
 */
export function rowMilestones(
  row: ImportRow,
  cities: { a: string; b: string },
  sourceIds: string[],
): Milestone[] {
  const base = () => ({ sources: [...sourceIds] });
  const signing: Milestone[] =
    row.signed || !row.status ? [{ kind: 'signing', ...dated(row.signed), ...base() }] : [];
  if (!row.status || (row.status === 'active' && row.signed)) return signing;
  const by = row.status_by === 'a' || row.status_by === 'b' ? cities[row.status_by] : undefined;
  const act = { ...dated(row.status_date), ...(by === undefined ? {} : { by }) };
  const reason = row.reason === undefined ? {} : { reason: row.reason };
  if (row.status === 'disputed') {
    const objector = by === cities.a ? cities.b : cities.a;
    return [
      ...signing,
      { kind: 'termination', ...act, ...reason, ...base() },
      { kind: 'objection', ...dated(row.status_date), by: objector, ...base() },
    ];
  }
  return [...signing, { kind: STATUS_MILESTONE[row.status], ...act, ...reason, ...base() }];
}

function dated(date: string | undefined): { date?: string } {
  return date === undefined ? {} : { date };
}

/** The row's own milestones must lead to the status it states ("terminated 1980, signed 1990" does not). */
function statusClash(row: ImportRow): string | undefined {
  if (row.status === undefined) return undefined;
  const milestones: Milestone[] = [];
  for (const m of rowMilestones(row, { a: 'a', b: 'b' }, [])) insertMilestone(milestones, m);
  const derived = deriveStatus({ id: 'a--b', cities: ['a', 'b'], milestones, sources: [] }).status;
  if (derived === row.status) return undefined;
  const status = `status ${row.status}${row.status_date ? ` on ${row.status_date}` : ''}`;
  return `signed ${row.signed} and ${status} contradict each other: together they make the partnership ${derived}`;
}
