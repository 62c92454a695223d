// The two public lists, read into rows of two mentions each: a name and a country cell as the list
// wrote them, with the coordinates and population Wikidata gives.
import { parse } from 'csv-parse/sync';

export type ListId = 'wikipedia' | 'wikidata';

export interface Mention {
  name: string;
  country: string;
  coordinates?: { lat: number; lon: number };
  population?: number;
}

export interface ListRow {
  list: ListId;
  /** Line in the list's file (the header is line 1), to name a row that did not make it in. */
  line: number;
  a: Mention;
  b: Mention;
  /** The Wikipedia page the pair is listed on ("List of twin towns and sister cities in <page>"). */
  page?: string;
}

/** Hekman/twincities' scrape of the English Wikipedia lists: `city1,country1,city2,country2`. */
export function readWikipediaList(text: string): ListRow[] {
  const records: string[][] = parse(text, { from_line: 2, relax_column_count: true });
  return records.map((r, i) => ({
    list: 'wikipedia',
    line: i + 2,
    a: { name: clean(r[0]), country: clean(r[1]) },
    b: { name: clean(r[2]), country: clean(r[3]) },
    page: clean(r[1]),
  }));
}

/** rogorido/sistercities' Wikidata query: origin and sister city with coordinates and population. */
export function readWikidataList(text: string): ListRow[] {
  const rows: ListRow[] = [];
  text.split('\n').forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    const f = line.split('\t');
    rows.push({
      list: 'wikidata',
      line: i + 1,
      a: wikidataMention(f[0], f[1], f[2], f[3], f[4]),
      b: wikidataMention(f[5], f[9], f[6], f[7], f[8]),
    });
  });
  return rows;
}

function wikidataMention(
  name?: string,
  country?: string,
  lat?: string,
  lon?: string,
  population?: string,
): Mention {
  const mention: Mention = { name: clean(name), country: clean(country) };
  if (lat && lon && Number.isFinite(Number(lat)) && Number.isFinite(Number(lon)))
    mention.coordinates = { lat: Number(lat), lon: Number(lon) };
  if (population && Number.isFinite(Number(population))) mention.population = Math.round(Number(population));
  return mention;
}

function clean(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
