import { access, readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { SCHEMA_PATH, SEED_PATH, worldDir } from './paths.ts';
import { STORE_VERSION } from './schema.ts';
import { Store } from './store.ts';
import { loadWorld } from './world/load.ts';

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates a store file from the shipped seed (or empty), pointing its `$schema` at data/schema.json
 * relative to where the file lives, so editors find the schema wherever the store is. The seed's
 * store uses the world layer unless `world: false`; an empty store never does. The layer is loaded
 * before the file is written, so a missing or damaged layer leaves no store behind.
 */
export async function createStore(
  path: string,
  options: { empty?: boolean; world?: boolean } = {},
): Promise<Store> {
  const seed = options.empty
    ? { version: STORE_VERSION, cities: [], partnerships: [] }
    : (JSON.parse(await readFile(SEED_PATH, 'utf8')) as Record<string, unknown>);
  const world = options.empty !== true && options.world !== false;
  if (world) loadWorld(worldDir());
  const settings = { ...(seed.settings as Record<string, unknown> | undefined), world };
  const schemaRef = relative(dirname(path), SCHEMA_PATH).split('\\').join('/');
  return Store.create(path, {
    ...seed,
    settings,
    $schema: schemaRef.startsWith('.') ? schemaRef : `./${schemaRef}`,
  });
}
