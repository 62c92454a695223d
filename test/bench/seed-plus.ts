import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEED_PATH, WORLD_DIR } from '../../src/store/paths.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { syntheticStore } from '../fixtures/knowledge-base.ts';

/** The shipped seed, as the benches that grow it read it. */
export const seed = JSON.parse(await readFile(SEED_PATH, 'utf8')) as StoreInput & { settings: object };

/** How many partnerships the shipped world layer adds when a store turns it on. */
export const worldPartnerships = (
  JSON.parse(await readFile(join(WORLD_DIR, 'manifest.json'), 'utf8')) as { partnerships: number }
).partnerships;

/**
 * The seed's own records with `extra` generated office partnerships (and their cities) added after
 * them, the world layer on or off.
 */
export function seedPlus(extra: number, world: boolean): StoreInput {
  const generated =
    extra > 0 ? syntheticStore(extra, Math.ceil(extra / 2.5)) : { cities: [], partnerships: [] };
  return {
    ...seed,
    settings: { ...seed.settings, world },
    cities: [...seed.cities, ...generated.cities],
    partnerships: [...seed.partnerships, ...generated.partnerships],
  } as StoreInput;
}
