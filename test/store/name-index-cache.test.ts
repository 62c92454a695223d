import { chmod, mkdir, readdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { City } from '../../src/domain/city.ts';
import { officeNameIndex } from '../../src/store/catalog.ts';
import { sha256 } from '../../src/store/journal.ts';
import { KeptNameIndex, type NameIndexCache } from '../../src/store/name-index-cache.ts';
import { StoreSchema } from '../../src/store/schema.ts';
import { type Mutation, Store } from '../../src/store/store.ts';
import { smallStore, storeFrom, syntheticStore, tempDir } from '../fixtures/knowledge-base.ts';

const BUILD = 'test-build';

/** A store file of the small store, closed, and a cache folder beside it that does not exist yet. */
async function storeAndCache(): Promise<{ path: string; cache: NameIndexCache }> {
  const store = await storeFrom();
  await store.close();
  return { path: store.path, cache: { dir: join(await tempDir(), 'cache'), build: BUILD } };
}

/** Which city the office's name "Prague" is found as, in a store opened with the cache. */
async function pragueAs(path: string, cache: NameIndexCache): Promise<string[]> {
  const store = await Store.open(path, { nameIndexCache: cache });
  try {
    return store.catalog.officeNamed('prague').map((city) => city.id);
  } finally {
    await store.close();
  }
}

/**
 * Keeps, for the store file as it is on disk now (no journal), an index that finds Prague's names
 * as Paderborn and Paderborn's as Prague: an index a build never gives, so a run that answers with
 * it read the kept one.
 */
async function keepSwapped(path: string, cache: NameIndexCache): Promise<void> {
  const cities = StoreSchema.parse(JSON.parse(await readFile(path, 'utf8'))).cities;
  const swap: Record<string, string> = { 'prague-cz': 'paderborn-de', 'paderborn-de': 'prague-cz' };
  const swapped = cities.map((city): City => ({ ...city, id: swap[city.id] ?? city.id }));
  const fileHash = sha256(await readFile(path));
  new KeptNameIndex(cache, path, { fileHash, replayed: '' }).write(cities, officeNameIndex(swapped));
}

const addAlias: Mutation<undefined> = (draft) => {
  const city = draft.cities[0] as City;
  // Replaced, never changed in place (see draftOf).
  draft.cities[0] = { ...city, names: [...city.names, { name: 'Praag', lang: 'nl', kind: 'exonym' }] };
  return { result: undefined };
};

const keptFiles = async (cache: NameIndexCache) =>
  (await readdir(cache.dir)).filter((name) => name.endsWith('.names'));

describe('the office name index kept between runs', () => {
  it('GIVEN an index kept and read back THEN it is the index a build gives: every name, and the ids of namesakes in the same order', async () => {
    const { path, cache } = await storeAndCache();
    for (const data of [smallStore(), syntheticStore(3_000, 2_000)]) {
      const { cities } = StoreSchema.parse(data);
      const kept = new KeptNameIndex(cache, path, { fileHash: 'a', replayed: '' });
      kept.write(cities, officeNameIndex(cities));
      expect(kept.read(cities)).toEqual(officeNameIndex(cities));
    }
    const { cities } = StoreSchema.parse(smallStore());
    const kept = new KeptNameIndex(cache, path, { fileHash: 'a', replayed: '' });
    kept.write(cities, officeNameIndex(cities));
    expect(kept.read(cities)?.named('concord')).toEqual([
      'concord-california-us',
      'concord-massachusetts-us',
    ]);
  });

  it('GIVEN a store opened and closed with the cache THEN one index is kept, and the next run reads it', async () => {
    const { path, cache } = await storeAndCache();
    expect(await pragueAs(path, cache)).toEqual(['prague-cz']);
    expect(await keptFiles(cache)).toHaveLength(1);
    await keepSwapped(path, cache);
    // The one kept for this store was replaced, not added to.
    expect(await keptFiles(cache)).toHaveLength(1);
    expect(await pragueAs(path, cache)).toEqual(['paderborn-de']);
  });

  it('GIVEN the store file changed since the index was kept THEN it is not read, and the new one replaces it', async () => {
    const { path, cache } = await storeAndCache();
    await keepSwapped(path, cache);
    const data = JSON.parse(await readFile(path, 'utf8'));
    // The same data in other bytes: the kept index is named by the bytes read.
    await writeFile(path, JSON.stringify(data, null, 1));
    expect(await pragueAs(path, cache)).toEqual(['prague-cz']);
    expect(await keptFiles(cache)).toHaveLength(1);
    expect(await pragueAs(path, cache)).toEqual(['prague-cz']);
  });

  it('GIVEN an edit in the journal that the store file does not hold yet THEN the index kept for the file alone is not read', async () => {
    const { path, cache } = await storeAndCache();
    await keepSwapped(path, cache);
    // A writer that has not folded its journal into the file (it is still running, or it crashed).
    const writer = await Store.open(path, { lock: true });
    await writer.update(addAlias);
    try {
      expect(await pragueAs(path, cache)).toEqual(['prague-cz']);
    } finally {
      await writer.close();
    }
  });

  it('GIVEN another build, or another version of Node (whose Unicode tables folding follows) THEN the kept index is not read', async () => {
    const { path, cache } = await storeAndCache();
    await keepSwapped(path, cache);
    expect(await pragueAs(path, { ...cache, build: 'another-build' })).toEqual(['prague-cz']);
    await keepSwapped(path, cache);
    const node = Object.getOwnPropertyDescriptor(process, 'version') as PropertyDescriptor;
    Object.defineProperty(process, 'version', { ...node, value: 'v99.0.0' });
    try {
      expect(await pragueAs(path, cache)).toEqual(['prague-cz']);
    } finally {
      Object.defineProperty(process, 'version', node);
    }
  });

  it('GIVEN a kept index cut short or damaged THEN the index is built as without it, and the answer is the same', async () => {
    const { path, cache } = await storeAndCache();
    await pragueAs(path, cache);
    const [name] = await keptFiles(cache);
    const file = join(cache.dir, name as string);
    const whole = await readFile(file);
    // Prague's name with one letter changed: read as it is, the index would not find Prague.
    await writeFile(file, Buffer.from(whole.toString('latin1').replace('prague', 'praguf'), 'latin1'));
    expect(await pragueAs(path, cache)).toEqual(['prague-cz']);
    for (const length of [whole.length - 3, 10]) {
      await writeFile(file, whole);
      await truncate(file, length);
      expect(await pragueAs(path, cache)).toEqual(['prague-cz']);
    }
    await writeFile(file, 'not a kept index\n');
    expect(await pragueAs(path, cache)).toEqual(['prague-cz']);
  });

  it('GIVEN a cache folder that others may write to THEN what it holds is not read', async () => {
    const { path, cache } = await storeAndCache();
    await keepSwapped(path, cache);
    await chmod(cache.dir, 0o770);
    expect(await pragueAs(path, cache)).toEqual(['prague-cz']);
  });

  it("GIVEN the cache folder's name taken by another's folder or a link THEN nothing is kept there", async () => {
    const { path, cache } = await storeAndCache();
    await mkdir(cache.dir, { mode: 0o777 });
    await chmod(cache.dir, 0o777);
    await pragueAs(path, cache);
    expect(await readdir(cache.dir)).toEqual([]);
    const mine = join(await tempDir(), 'private');
    await mkdir(mine, { mode: 0o700 });
    const linked = { ...cache, dir: join(await tempDir(), 'link') };
    await symlink(mine, linked.dir);
    await pragueAs(path, linked);
    expect(await readdir(mine)).toEqual([]);
  });

  it('GIVEN a change made in the run THEN no index is kept for the data as it was read', async () => {
    const { path, cache } = await storeAndCache();
    const store = await Store.open(path, { lock: 'on-write', nameIndexCache: cache });
    await store.update(addAlias);
    await store.close();
    expect(await readdir(cache.dir).catch(() => [])).toEqual([]);
  });

  it('GIVEN another writer changed the store before this run first wrote THEN the index of the data read first is not kept for the data read again', async () => {
    const { path, cache } = await storeAndCache();
    const store = await Store.open(path, { lock: 'on-write', nameIndexCache: cache });
    const other = await Store.open(path, { lock: true });
    await other.update(addAlias);
    await other.close();
    // A change that changes nothing still takes the lock, and reads the store again first.
    await store.update(() => ({ unchanged: true, result: undefined }));
    await store.close();
    const again = await Store.open(path, { nameIndexCache: cache });
    expect(again.catalog.officeNamed('praag').map((city) => city.id)).toEqual(['prague-cz']);
    await again.close();
  });
});
