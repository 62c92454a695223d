import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: the nearest folder above this module with a package.json. The same source runs
 * from src/ (tsx) and from dist/src/ (the build), so a fixed `../..` would point at dist/ there.
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

const dataDir = (file: string) => join(packageRoot(), 'data', file);

/** The live store, created from the seed on first start; gitignored. */
export const DEFAULT_STORE_PATH = dataDir('twinning.json');
export const SEED_PATH = dataDir('seed.json');
export const SCHEMA_PATH = dataDir('schema.json');
/** The shipped world layer (world.json and its manifest.json), built by `npm run world`. */
export const WORLD_DIR = dataDir('world');

/**
 * Where the world layer is read from: TWINBOT_WORLD when set (a folder holding world.json and
 * manifest.json, e.g. a layer built elsewhere, or the small one the tests use), else data/world.
 */
export function worldDir(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.TWINBOT_WORLD;
  return chosen === undefined || chosen === '' ? WORLD_DIR : chosen;
}
