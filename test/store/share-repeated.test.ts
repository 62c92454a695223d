import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Partnership } from '../../src/domain/partnership.ts';
import { hashOf } from '../../src/store/share-repeated.ts';
import { Store } from '../../src/store/store.ts';
import { World } from '../../src/store/world/world.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { WORLD_FIXTURE } from '../fixtures/world-layer.ts';

const signing = { kind: 'signing', date: '1990-05-01' } as const;

/** Two pairs signed the same day with the same source, and a city without other names. */
const data = {
  version: 1,
  cities: [
    { id: 'a-cz', name: 'A', country: 'CZ' },
    { id: 'b-cz', name: 'B', country: 'CZ', names: [{ name: 'Bee', lang: 'en' }] },
    { id: 'c-cz', name: 'C', country: 'CZ' },
  ],
  partnerships: [
    { id: 'a-cz--b-cz', cities: ['a-cz', 'b-cz'], milestones: [signing] },
    { id: 'a-cz--c-cz', cities: ['a-cz', 'c-cz'], milestones: [signing] },
  ],
};

async function opened(warm: boolean): Promise<Store> {
  const path = join(await tempDir(), 'store.json');
  await (await Store.create(path, data)).close();
  return Store.open(path, { warm });
}

const editor = { actor: 'slack:UOFFICE', platform: 'slack' } as const;

describe('records of a store opened as the bot opens it (warm)', () => {
  it('GIVEN two different milestones whose texts have the same hash THEN each pair keeps its own, shared with the pairs that have the same', async () => {
    // Notes found to make the two milestones' texts collide (FNV-1a, 32 bits).
    const noted = (note: string) => [{ ...signing, note }];
    const path = join(await tempDir(), 'store.json');
    const partnerships = [
      { id: 'a-cz--b-cz', cities: ['a-cz', 'b-cz'], milestones: noted('n579599') },
      { id: 'a-cz--c-cz', cities: ['a-cz', 'c-cz'], milestones: noted('n762382') },
      // The same milestone in another list: shared as a milestone, not as the list.
      {
        id: 'b-cz--c-cz',
        cities: ['b-cz', 'c-cz'],
        milestones: [...noted('n762382'), { kind: 'termination', date: '2020' }],
      },
    ];
    await (await Store.create(path, { ...data, partnerships })).close();
    const store = await Store.open(path, { warm: true });
    const [first, second, third] = store.catalog.data.partnerships as [Partnership, Partnership, Partnership];
    expect(hashOf(JSON.stringify(first.milestones[0]))).toBe(hashOf(JSON.stringify(second.milestones[0])));
    expect(first.milestones[0]?.note).toBe('n579599');
    expect(second.milestones[0]?.note).toBe('n762382');
    expect(third.milestones[0]).toBe(second.milestones[0]);
    await store.close();
  });

  it('GIVEN two pairs signed the same day THEN they share one frozen list of milestones and one frozen empty list', async () => {
    const store = await opened(true);
    const [first, second] = store.catalog.data.partnerships as [Partnership, Partnership];
    expect(first.milestones).toBe(second.milestones);
    expect(Object.isFrozen(first.milestones[0])).toBe(true);
    expect(first.sources).toBe(second.sources);
    expect(() => first.sources.push({ id: 'x', title: 'X' })).toThrow(TypeError);
    expect(() => {
      (first.milestones[0] as { date?: string }).date = '1991';
    }).toThrow(TypeError);
    await store.close();
  });

  it('GIVEN a shared record THEN an edit changes a copy of it, and the other records keep what they share', async () => {
    const store = await opened(true);
    await store.edit(editor, (_draft, _editor, office) => {
      office.city('a-cz')?.names.push({ name: 'Ay', kind: 'alias' });
      return {
        action: 'alias',
        summary: 'Added the name "Ay" to a-cz',
        change: { key: 'alias', values: { city: 'a-cz', name: 'Ay' } },
        target: 'a-cz',
        touched: [{ record: 'city', id: 'a-cz' }],
        result: undefined,
      };
    });
    expect(store.catalog.city('a-cz')?.names.map((n) => n.name)).toEqual(['Ay']);
    expect(store.catalog.city('c-cz')?.names).toEqual([]);
    expect(store.catalog.resolveCity('ay')).toMatchObject({ kind: 'found', city: { id: 'a-cz' } });
    await store.close();
  });

  it('GIVEN more pairs than are read at once, and a pair still in the journal THEN the first, the last and the journaled one share one list of milestones', async () => {
    const path = join(await tempDir(), 'store.json');
    const cities = Array.from({ length: 80 }, (_, i) => ({
      id: `c${String(i).padStart(2, '0')}-cz`,
      name: `C${i}`,
      country: 'CZ',
    }));
    const partnerships = cities.flatMap((a, i) =>
      cities
        .slice(i + 1)
        .map((b) => ({ id: `${a.id}--${b.id}`, cities: [a.id, b.id], milestones: [signing] })),
    );
    expect(partnerships.length).toBeGreaterThan(3000);
    const writer = await Store.create(path, {
      version: 1,
      cities: [...cities, { id: 'd-cz', name: 'D', country: 'CZ' }],
      partnerships,
    });
    await writer.update((draft) => {
      draft.partnerships.push({
        id: 'c00-cz--d-cz',
        cities: ['c00-cz', 'd-cz'],
        milestones: [{ ...signing, sources: [] }],
        sources: [],
      });
      return { result: undefined };
    });
    const store = await Store.open(path, { warm: true });
    await writer.close();
    const all = store.catalog.data.partnerships;
    expect(all.at(-1)?.id).toBe('c00-cz--d-cz');
    expect(all[0]?.milestones).toBe(all[3000]?.milestones);
    expect(all.at(-1)?.milestones).toBe(all[0]?.milestones);
    await store.close();
  });

  it('GIVEN a store opened for one question (not warm) THEN its records are read as they are', async () => {
    const store = await opened(false);
    const [first, second] = store.catalog.data.partnerships;
    expect(first?.milestones[0]).not.toBe(second?.milestones[0]);
    expect(Object.isFrozen(first?.milestones[0])).toBe(false);
    await store.close();
  });

  it('GIVEN the world layer warmed for the bot THEN pairs listed by the same page share one frozen source', async () => {
    const world = new World(JSON.parse(await readFile(join(WORLD_FIXTURE, 'world.json'), 'utf8')));
    const pair = (id: string) => world.partnerships.find((p) => p.id === id) as Partnership;
    expect(pair('berlin-de--los-angeles-us').sources[0]).not.toBe(pair('berlin-de--paris-fr').sources[0]);
    world.warm();
    expect(pair('berlin-de--los-angeles-us').sources[0]).toBe(pair('berlin-de--paris-fr').sources[0]);
    expect(Object.isFrozen(pair('berlin-de--paris-fr').sources[0])).toBe(true);
    expect(world.partnershipsOf('berlin-de').map((p) => p.id)).toContain('berlin-de--los-angeles-us');
  });
});
