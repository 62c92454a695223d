import { fileURLToPath } from 'node:url';

const dataDir = (file: string) => fileURLToPath(new URL(`../../data/${file}`, import.meta.url));

/** The live store, created from the seed on first start; gitignored. */
export const DEFAULT_STORE_PATH = dataDir('twinning.json');
export const SEED_PATH = dataDir('seed.json');
export const SCHEMA_PATH = dataDir('schema.json');
