import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/store/catalog.ts';
import { StoreSchema } from '../../src/store/schema.ts';
import { type EditBuilder, Store } from '../../src/store/store.ts';
import { smallStore, syntheticStore } from '../fixtures/knowledge-base.ts';

const catalog = new Catalog(StoreSchema.parse(smallStore()));

function foundId(query: string): string | undefined {
  const result = catalog.resolveCity(query);
  return result.kind === 'found' ? result.city.id : undefined;
}

describe('Catalog.resolveCity', () => {
  it.each([
    ['rzeszow', 'rzeszow-pl'],
    ['RZESZÓW', 'rzeszow-pl'],
    ['Praha', 'prague-cz'],
    ['prag', 'prague-cz'],
    ['北上市', 'kitakami-jp'],
    ['臺北', 'taipei-tw'],
    ['  san   francisco ', 'san-francisco-us'],
    ['prague-cz', 'prague-cz'],
  ])('GIVEN %s THEN finds %s by a folded name in any language', (query, id) => {
    expect(foundId(query)).toBe(id);
  });

  it('GIVEN a name two cities share THEN returns both candidates and guesses neither', () => {
    const result = catalog.resolveCity('Concord');
    expect(result.kind).toBe('ambiguous');
    if (result.kind === 'ambiguous') {
      expect(result.candidates.map((c) => c.region).sort()).toEqual(['California', 'Massachusetts']);
    }
  });

  it.each([
    ['Concord, California', 'concord-california-us'],
    ['concord massachusetts', 'concord-massachusetts-us'],
    ['Prague, CZ', 'prague-cz'],
    ['Osaka Japan', 'osaka-jp'],
  ])('GIVEN the qualified name %s THEN finds %s', (query, id) => {
    expect(foundId(query)).toBe(id);
  });

  it('GIVEN a qualifier that fits both namesakes THEN stays ambiguous', () => {
    expect(catalog.resolveCity('Concord, US').kind).toBe('ambiguous');
  });

  it('GIVEN an unknown name with a one-letter typo THEN says unknown and offers the close match', () => {
    const result = catalog.resolveCity('Kitakani');
    expect(result.kind).toBe('unknown');
    if (result.kind === 'unknown') expect(result.suggestions.map((c) => c.id)).toContain('kitakami-jp');
  });
});

describe('Catalog.search', () => {
  it('GIVEN a prefix of a native name THEN finds the city', () => {
    expect(catalog.search('prah', 5).map((c) => c.id)).toEqual(['prague-cz']);
    expect(catalog.search('北上', 5).map((c) => c.id)).toEqual(['kitakami-jp']);
  });

  it('GIVEN text that matches no name THEN returns nothing rather than a random city', () => {
    expect(catalog.search('zzqx', 5)).toEqual([]);
  });
});

describe('Catalog.oneTypoAway', () => {
  it('GIVEN a name with one letter wrong THEN finds the city, as search does', () => {
    expect(catalog.oneTypoAway('rzeszuw', 5).map((c) => c.id)).toEqual(['rzeszow-pl']);
    expect(catalog.search('rzeszuw', 5).map((c) => c.id)).toEqual(['rzeszow-pl']);
  });

  it('GIVEN a name two letters off THEN finds nothing, where search still finds it', () => {
    expect(catalog.oneTypoAway('paderbxrx', 5)).toEqual([]);
    expect(catalog.search('paderbxrx', 5).map((c) => c.id)).toEqual(['paderborn-de']);
  });
});

describe('Catalog office names', () => {
  it('GIVEN a folded name in any language THEN officeNamed finds the office city, and nothing for an unknown name', () => {
    expect(catalog.officeNamed('praha').map((c) => c.id)).toEqual(['prague-cz']);
    expect(catalog.officeNamed('atlantis')).toEqual([]);
  });

  it('GIVEN a test on folded names THEN officeCitiesWhere returns each passing city once', () => {
    const found = catalog.officeCitiesWhere((name) => name.startsWith('concord'));
    expect(found.map((c) => c.id).sort()).toEqual(['concord-california-us', 'concord-massachusetts-us']);
    expect(new Set(found).size).toBe(found.length);
  });
});

describe('Catalog partnerships', () => {
  it('GIVEN two cities in either order THEN finds their one partnership', () => {
    expect(catalog.partnershipBetween('shanghai-cn', 'prague-cz')?.id).toBe('prague-cz--shanghai-cn');
    expect(catalog.partnershipBetween('prague-cz', 'shanghai-cn')?.id).toBe('prague-cz--shanghai-cn');
  });

  it('GIVEN a city THEN lists every partnership it is part of', () => {
    expect(
      catalog
        .partnershipsOf('prague-cz')
        .map((p) => p.id)
        .sort(),
    ).toEqual(['prague-cz--shanghai-cn', 'prague-cz--taipei-tw']);
  });

  it('GIVEN more look-ups than a scan answers, with an edit before and after the map of pairs is built THEN every city lists what the data holds', async () => {
    const store = Store.inMemory(syntheticStore(300, 60));
    const editor = { actor: 'slack:UTEST', platform: 'slack' } as const;
    const remove =
      (id: string): EditBuilder<void> =>
      (draft) => {
        const [a, b] = id.split('--') as [string, string];
        draft.partnerships = draft.partnerships.filter((p) => p.id !== id);
        return {
          action: 'remove',
          summary: `Removed ${id}`,
          change: { key: 'removed', values: { cities: [a, b] } },
          target: id,
          touched: [{ record: 'partnership', id }],
          result: undefined,
        };
      };
    const listed = (cityId: string) =>
      store.catalog
        .partnershipsOf(cityId)
        .map((p) => p.id)
        .sort();
    const held = (cityId: string) =>
      store.catalog.data.partnerships
        .filter((p) => p.cities.includes(cityId))
        .map((p) => p.id)
        .sort();
    const everyCity = () => store.catalog.data.cities.map((city) => [listed(city.id), held(city.id)]);
    await store.edit(editor, remove(store.catalog.data.partnerships[0]?.id ?? ''));
    for (const [seen, expected] of everyCity()) expect(seen).toEqual(expected);
    const gone = store.catalog.data.partnerships[7];
    await store.edit(editor, remove(gone?.id ?? ''));
    expect(store.catalog.partnershipBetween(gone?.cities[0] ?? '', gone?.cities[1] ?? '')).toBeUndefined();
    for (const [seen, expected] of everyCity()) expect(seen).toEqual(expected);
  });
});
