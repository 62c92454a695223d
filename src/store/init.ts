import { access, readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { SCHEMA_PATH, SEED_PATH } from './paths.ts';
import { STORE_VERSION } from './schema.ts';
import { Store } from './store.ts';

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
 * relative to where the file lives, so editors find the schema wherever the store is.
 */
export async function createStore(path: string, options: { empty?: boolean } = {}): Promise<Store> {
  const base = options.empty
    ? { version: STORE_VERSION, cities: [], partnerships: [] }
    : (JSON.parse(await readFile(SEED_PATH, 'utf8')) as Record<string, unknown>);
  const schemaRef = relative(dirname(path), SCHEMA_PATH).split('\\').join('/');
  return Store.create(path, { ...base, $schema: schemaRef.startsWith('.') ? schemaRef : `./${schemaRef}` });
}
