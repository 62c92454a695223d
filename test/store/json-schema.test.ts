import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { storeJsonSchema } from '../../src/store/json-schema.ts';
import { SCHEMA_PATH, SEED_PATH } from '../../src/store/paths.ts';

describe('data/schema.json', () => {
  it('GIVEN the zod schemas THEN the committed JSON Schema is the one they generate (run npm run schema)', async () => {
    expect(JSON.parse(await readFile(SCHEMA_PATH, 'utf8'))).toEqual(storeJsonSchema());
  });

  it('GIVEN the seed THEN it points editors at the schema', async () => {
    expect(JSON.parse(await readFile(SEED_PATH, 'utf8')).$schema).toBe('./schema.json');
  });
});
