import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';
import type { City } from '../domain/city.ts';
import { cleanText } from '../domain/clean-text.ts';
import { foldName } from '../domain/names.ts';
import { type Milestone, orderCities, type Partnership, partnershipId } from '../domain/partnership.ts';
import type { Catalog } from './catalog.ts';
import {
  COLUMN_ALIASES,
  COLUMNS,
  type Column,
  canonicalColumn,
  type ImportRow,
  REQUIRED_COLUMNS,
  RowSchema,
  rowMilestones,
} from './import-row.ts';
import { cityId, insertMilestone, type Place, type SourceDraft, sourceId } from './new-records.ts';
import type { StoreData } from './schema.ts';
import type { Store } from './store.ts';

export interface ImportOptions {
  /** Import the valid rows and report the others, instead of refusing the whole file. */
  skipInvalid?: boolean;
  /** What the file is called (e.g. its file name): the audit target, and the source when rows name none. */
  sourceTitle: string;
  actor: string;
  platform: 'cli' | 'shell';
  onProgress?: (done: number, total: number) => void;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

/** What the import changed; all counts are zero when it was refused. */
export interface ImportReport {
  citiesAdded: number;
  partnershipsAdded: number;
  /** Partnerships already in the store that gained milestones, sources, a type or notes. */
  partnershipsMerged: number;
  /** Valid rows whose facts the store already held. */
  unchanged: number;
  rejected: RejectedRow[];
  written: boolean;
}

type Counts = Omit<ImportReport, 'rejected' | 'written'>;
type ReadRow = { line: number; row: ImportRow } | RejectedRow;

const NOTHING: Counts = { citiesAdded: 0, partnershipsAdded: 0, partnershipsMerged: 0, unchanged: 0 };
const PROGRESS_EVERY = 1000;

/**
 * Imports partnerships from CSV text in one store write with one audit entry. By default the file is
 * all or nothing: one invalid row and nothing is written, with every bad row reported by line. Importing
 * the same file again finds every fact already present and writes nothing.
 */
export async function importCsv(
  store: Store,
  csvText: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const table = readTable(csvText);
  if ('reason' in table) return { ...NOTHING, rejected: [table], written: false };
  const rows = table.rows.map((row) => readRow(table.columns, row));
  const sourceTitle = cleanText(options.sourceTitle);
  return store.update<ImportReport>((draft) => {
    const places = rows.flatMap((read) => ('row' in read ? [read.row.a, read.row.b] : []));
    const run = new ImportRun(draft, store.catalog, places, sourceTitle);
    const rejected: RejectedRow[] = [];
    rows.forEach((read, i) => {
      const reason = 'row' in read ? run.apply(read.row) : read.reason;
      if (reason !== undefined) rejected.push({ line: read.line, reason });
      if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === rows.length) options.onProgress?.(i + 1, rows.length);
    });
    if (rejected.length > 0 && !options.skipInvalid) {
      return { unchanged: true, result: { ...NOTHING, rejected, written: false } };
    }
    if (!run.changed) return { unchanged: true, result: { ...run.counts, rejected, written: false } };
    return {
      audit: {
        actor: options.actor,
        platform: options.platform,
        action: 'import',
        target: sourceTitle.slice(0, 200),
        after: { ...run.counts, rejected: rejected.length },
      },
      result: { ...run.counts, rejected, written: true },
    };
  });
}

interface Table {
  /** The canonical column of each cell position. */
  columns: Column[];
  rows: { line: number; cells: string[] }[];
}

/**
 * Splits the text into cells with line numbers and checks the header; a broken file is one rejection.
 * Each cell is cleaned as chat input is (see cleanText), so a file cannot store what chat cannot.
 */
function readTable(csvText: string): Table | RejectedRow {
  const records: { line: number; cells: string[] }[] = [];
  try {
    parse(csvText, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_quotes: true,
      relax_column_count: true,
      on_record: (cells: string[], context) => {
        records.push({ line: context.lines, cells: cells.map(cleanText) });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { line: Number(error.lines ?? 1), reason: `not readable as CSV: ${error.message}` };
  }
  const [header, ...rows] = records;
  if (header === undefined)
    return {
      line: 1,
      reason: `the file is empty: expected a header row such as ${REQUIRED_COLUMNS.join(',')}`,
    };
  const columns = readHeader(header.cells);
  return 'problem' in columns
    ? { line: header.line, reason: columns.problem }
    : { columns: columns.known, rows };
}

function readHeader(names: string[]): { known: Column[] } | { problem: string } {
  const problems: string[] = [];
  const known: Column[] = [];
  for (const name of names) {
    const column = canonicalColumn(name);
    if (column === undefined) problems.push(`unknown column "${name}"`);
    else if (known.includes(column)) problems.push(`column ${column} appears twice`);
    else known.push(column);
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!known.includes(column)) problems.push(`missing column ${column} (or ${COLUMN_ALIASES[column]})`);
  }
  if (problems.length === 0) return { known };
  return { problem: `${problems.join('; ')}. The columns are: ${COLUMNS.join(', ')}` };
}

function readRow(columns: Column[], { line, cells }: { line: number; cells: string[] }): ReadRow {
  if (cells.length > columns.length) {
    return {
      line,
      reason: `${cells.length} cells but ${columns.length} columns: quote any value that contains a comma`,
    };
  }
  const record = Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  const parsed = RowSchema.safeParse(record);
  return parsed.success ? { line, row: parsed.data } : { line, reason: describeIssues(parsed.error) };
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; ');
}

/** One import applied to the store draft: rows are checked whole before any of them touches it. */
class ImportRun {
  readonly counts: Counts = { ...NOTHING };
  changed = false;
  private readonly cityIds: Set<string>;
  private readonly partnershipIndex = new Map<string, number>();
  private readonly existingPartnerships: number;
  private readonly mergedPartnerships = new Set<string>();
  private readonly cities: CityResolver;

  constructor(
    private readonly draft: StoreData,
    catalog: Catalog,
    places: Place[],
    private readonly sourceTitle: string,
  ) {
    this.cityIds = new Set(draft.cities.map((city) => city.id));
    for (const [i, p] of draft.partnerships.entries()) this.partnershipIndex.set(p.id, i);
    this.existingPartnerships = draft.partnerships.length;
    this.cities = new CityResolver(catalog, new Set(this.cityIds), places);
  }

  /** Applies one row, or returns why it cannot be applied (and then changes nothing). */
  apply(row: ImportRow): string | undefined {
    const a = this.cities.resolve(row.a, 'a');
    if ('reason' in a) return a.reason;
    const b = this.cities.resolve(row.b, 'b');
    if ('reason' in b) return b.reason;
    if (a.city.id === b.city.id) return `pairs ${a.city.id} with itself`;
    const id = partnershipId(a.city.id, b.city.id);
    const index = this.partnershipIndex.get(id);
    const current = index === undefined ? undefined : this.draft.partnerships[index];
    const merged = mergeRow(
      current ?? newPartnership(a.city.id, b.city.id),
      row,
      { a: a.city.id, b: b.city.id },
      this.sourceTitle,
    );
    if (merged.outcome === 'refused') return merged.reason;
    if (merged.outcome === 'unchanged') {
      this.counts.unchanged += 1;
      return undefined;
    }
    this.addCity(a.city);
    this.addCity(b.city);
    this.savePartnership(merged.partnership, index);
    this.changed = true;
    return undefined;
  }

  private addCity(city: City): void {
    if (this.cityIds.has(city.id)) return;
    this.cityIds.add(city.id);
    this.draft.cities.push(city);
    this.counts.citiesAdded += 1;
  }

  private savePartnership(partnership: Partnership, index: number | undefined): void {
    if (index === undefined) {
      this.partnershipIndex.set(partnership.id, this.draft.partnerships.length);
      this.draft.partnerships.push(partnership);
      this.counts.partnershipsAdded += 1;
      return;
    }
    this.draft.partnerships[index] = partnership;
    if (index < this.existingPartnerships) this.mergedPartnerships.add(partnership.id);
    this.counts.partnershipsMerged = this.mergedPartnerships.size;
  }
}

function newPartnership(a: string, b: string): Partnership {
  return { id: partnershipId(a, b), cities: orderCities(a, b), milestones: [], sources: [] };
}

type Merge =
  | { outcome: 'changed'; partnership: Partnership }
  | { outcome: 'unchanged' }
  | { outcome: 'refused'; reason: string };

/**
 * The partnership with the row's facts added, or that it already held them all, or why the row
 * contradicts it. Works on a copy, so a refused row leaves the partnership as it was.
 */
function mergeRow(
  partnership: Partnership,
  row: ImportRow,
  cities: { a: string; b: string },
  sourceTitle: string,
): Merge {
  const p = structuredClone(partnership);
  if (row.type !== undefined) {
    if (p.type !== undefined && p.type !== row.type) {
      return {
        outcome: 'refused',
        reason: `type ${row.type} contradicts ${p.type}, already recorded for ${p.id}`,
      };
    }
    p.type = row.type;
  }
  if (row.note !== undefined && !p.notes?.includes(row.note)) {
    p.notes = p.notes === undefined ? row.note : `${p.notes}\n${row.note}`;
    if (p.notes.length > 2000) {
      return {
        outcome: 'refused',
        reason: `note does not fit: the notes of ${p.id} would pass 2000 characters`,
      };
    }
  }
  const source = sourceOf(p, row.source ?? { title: sourceTitle });
  for (const milestone of rowMilestones(row, cities, [source])) mergeMilestone(p.milestones, milestone);
  // Comparing the serialized records is simpler and safer than tracking every field that may change.
  return JSON.stringify(p) === JSON.stringify(partnership)
    ? { outcome: 'unchanged' }
    : { outcome: 'changed', partnership: p };
}

/** The id of the partnership's source for this draft (same link, or same title when there is no link), added if new. */
function sourceOf(p: Partnership, draft: SourceDraft): string {
  const known = p.sources.find((s) =>
    draft.url ? s.url === draft.url : s.url === undefined && s.title === draft.title,
  );
  if (known) return known.id;
  const id = sourceId(draft, new Set(p.sources.map((s) => s.id)));
  p.sources.push({ id, ...draft });
  return id;
}

/**
 * Adds a milestone unless the same act (kind and acting city) is already recorded on the same date.
 * An undated claim is covered by a dated record of the same act; a dated one completes an undated
 * record. Either way the record gains the row's source.
 */
function mergeMilestone(milestones: Milestone[], milestone: Milestone): void {
  const sameAct = (m: Milestone) => m.kind === milestone.kind && m.by === milestone.by;
  const same = milestones.find(
    (m) => sameAct(m) && (m.date === milestone.date || milestone.date === undefined),
  );
  if (same) {
    same.sources = [...new Set([...same.sources, ...milestone.sources])];
    if (same.reason === undefined && milestone.reason !== undefined) same.reason = milestone.reason;
    return;
  }
  const undated = milestones.findIndex((m) => sameAct(m) && m.date === undefined);
  const previous = undated < 0 ? undefined : milestones.splice(undated, 1)[0];
  const sources = [...new Set([...(previous?.sources ?? []), ...milestone.sources])];
  const reason = milestone.reason ?? previous?.reason;
  insertMilestone(milestones, {
    ...previous,
    ...milestone,
    ...(reason === undefined ? {} : { reason }),
    sources,
  });
}

type Resolution = { city: City } | { reason: string };

/**
 * Finds the city a row means, among the store's cities (by any of their names) and those this import
 * creates. A row naming a region matches the city with that region, or the one same-named city that has
 * no region recorded; otherwise it is a new city. A row naming no region matches the one city of that
 * name in that country, counting the regions the whole file names, so the answer does not depend on
 * row order ("Bangor, United Kingdom" is ambiguous when other rows name Bangor in Wales and in Northern
 * Ireland). New cities are kept here until a row using them is accepted.
 */
class CityResolver {
  private readonly storeMatches = new Map<string, City[]>();
  private readonly regionsInFile = new Map<string, Map<string, Place>>();
  private readonly planned = new Map<string, City>();
  private readonly resolved = new Map<string, City[]>();
  /** Folding is the costliest step, and the same few thousand names recur in 26k rows. */
  private readonly folded = new Map<string, string>();

  constructor(
    private readonly catalog: Catalog,
    private readonly takenIds: Set<string>,
    places: Place[],
  ) {
    for (const place of places) {
      if (place.region === undefined) continue;
      const key = this.keyOf(place);
      const regions = this.regionsInFile.get(key) ?? new Map<string, Place>();
      if (!regions.has(this.fold(place.region))) regions.set(this.fold(place.region), place);
      this.regionsInFile.set(key, regions);
    }
  }

  resolve(place: Place, side: 'a' | 'b'): Resolution {
    const cities = this.lookup(place);
    const [only, ...others] = cities;
    if (only && others.length === 0) return { city: only };
    const ids = cities.map((city) => city.id);
    const listed = `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}`;
    return { reason: `ambiguous: ${place.name}, ${place.country} could be ${listed}; add region_${side}` };
  }

  /** Every city the place may mean: one when it is clear, several when it is ambiguous. */
  private lookup(place: Place): City[] {
    const key = this.placeKey(place);
    let cities = this.resolved.get(key);
    if (cities === undefined) {
      cities = place.region === undefined ? this.withoutRegion(place) : this.withRegion(place, place.region);
      this.resolved.set(key, cities);
    }
    return cities;
  }

  private withRegion(place: Place, regionName: string): City[] {
    const stored = this.inStore(place);
    const region = this.fold(regionName);
    const exact = stored.filter((city) => city.region !== undefined && this.fold(city.region) === region);
    if (exact.length > 0) return exact;
    const regionless = stored.filter((city) => city.region === undefined);
    if (regionless.length === 1) return regionless;
    return [this.plan(this.regionsInFile.get(this.keyOf(place))?.get(region) ?? place)];
  }

  private withoutRegion(place: Place): City[] {
    const variants = [...(this.regionsInFile.get(this.keyOf(place))?.values() ?? [])];
    const cities = [...this.inStore(place), ...variants.flatMap((variant) => this.lookup(variant))];
    const unique = [...new Map(cities.map((city) => [city.id, city])).values()];
    return unique.length > 0 ? unique : [this.plan(place)];
  }

  private inStore(place: Place): City[] {
    const key = this.keyOf(place);
    let cities = this.storeMatches.get(key);
    if (cities === undefined) {
      cities = this.catalog.matchName(place.name).filter((city) => city.country === place.country);
      this.storeMatches.set(key, cities);
    }
    return cities;
  }

  /** The city this import creates for a place, the same object for every row that names it. */
  private plan(place: Place): City {
    const key = this.placeKey(place);
    const known = this.planned.get(key);
    if (known) return known;
    const id = cityId(place, this.takenIds);
    this.takenIds.add(id);
    const region = place.region === undefined ? {} : { region: place.region };
    const city: City = { id, name: place.name, names: [], country: place.country, ...region };
    this.planned.set(key, city);
    return city;
  }

  /** Same folded name in the same country: the cities a place may be. */
  private keyOf(place: Place): string {
    return `${this.fold(place.name)}|${place.country}`;
  }

  /** The place itself, region included. */
  private placeKey(place: Place): string {
    return `${this.keyOf(place)}|${place.region === undefined ? '' : this.fold(place.region)}`;
  }

  private fold(text: string): string {
    let folded = this.folded.get(text);
    if (folded === undefined) {
      folded = foldName(text);
      this.folded.set(text, folded);
    }
    return folded;
  }
}
