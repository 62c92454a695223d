import { describe, expect, it } from 'vitest';
import type { City } from '../../src/domain/city.ts';
import { foldName, withinOneEdit } from '../../src/domain/names.ts';
import type { Partnership } from '../../src/domain/partnership.ts';
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

  it('GIVEN a name one edit off anywhere in it THEN officeOneEditAway finds the office city, each once', () => {
    const ids = (text: string) => catalog.officeOneEditAway(text).map((c) => c.id);
    expect(ids('sanfrancisco')).toEqual(['san-francisco-us']);
    expect(ids('prgue')).toEqual(['prague-cz']);
    expect(ids('pargue')).toEqual(['prague-cz']);
    expect(ids('praguee')).toEqual(['prague-cz']);
    expect(ids('kitakamo')).toEqual(['kitakami-jp']);
    expect(ids('paderbron')).toEqual(['paderborn-de']);
    expect(ids('prgeu')).toEqual([]);
    const concords = catalog.officeOneEditAway('concrd');
    expect(concords.map((c) => c.id).sort()).toEqual(['concord-california-us', 'concord-massachusetts-us']);
    expect(new Set(concords).size).toBe(concords.length);
  });

  it('GIVEN every one-edit form of every office name THEN officeOneEditAway finds what comparing every name finds', () => {
    const names = [
      ...new Set(catalog.data.cities.flatMap((c) => [c.name, ...c.names.map((n) => n.name)])),
    ].map(foldName);
    const everyName = (text: string) =>
      catalog.data.cities
        .filter((c) => [c.name, ...c.names.map((n) => n.name)].some((n) => withinOneEdit(foldName(n), text)))
        .map((c) => c.id)
        .sort();
    let forms = 0;
    for (const name of names) {
      for (const text of oneEditForms(name)) {
        forms++;
        expect(
          catalog
            .officeOneEditAway(text)
            .map((c) => c.id)
            .sort(),
          text,
        ).toEqual(everyName(text));
      }
    }
    expect(forms).toBeGreaterThan(400);
  });
});

/** Every string one edit from the name: each letter dropped, doubled, replaced by x, swapped with the next; x added at the end. */
function oneEditForms(name: string): string[] {
  const forms = [`${name}x`];
  for (let i = 0; i < name.length; i++) {
    forms.push(name.slice(0, i) + name.slice(i + 1));
    forms.push(name.slice(0, i + 1) + name.slice(i));
    forms.push(`${name.slice(0, i)}x${name.slice(i + 1)}`);
    if (i + 1 < name.length) forms.push(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2));
  }
  return forms;
}

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

  it('GIVEN a city with a hundred partners and edits that add and remove its pairs THEN finds each pair it has, and no other', () => {
    const partners = Array.from({ length: 100 }, (_, i) => ({
      id: `b${String(i).padStart(3, '0')}-cz`,
      name: `B${i}`,
      country: 'CZ',
      names: [],
    }));
    const pair = (other: string) => ({
      id: `a-hub-cz--${other}`,
      cities: ['a-hub-cz', other],
      type: 'sister_city',
      milestones: [{ kind: 'signing', date: '1990' }],
    });
    const data = StoreSchema.parse({
      ...smallStore(),
      cities: [{ id: 'a-hub-cz', name: 'Hub', country: 'CZ', names: [] }, ...partners],
      // Not in the order of their ids.
      partnerships: partners
        .slice(0, 99)
        .reverse()
        .map((c) => pair(c.id)),
    });
    const hub = new Catalog(data);
    for (const p of data.partnerships) {
      expect(hub.partnershipBetween(p.cities[1], 'a-hub-cz')).toBe(p);
      expect(hub.isOffice(p)).toBe(true);
    }
    expect(hub.partnershipBetween('a-hub-cz', 'b099-cz')).toBeUndefined();
    const added = StoreSchema.shape.partnerships.element.parse(pair('b099-cz'));
    const withAdded = { ...data, partnerships: [...data.partnerships, added] };
    hub.apply({ ops: [], data: withAdded, records: [{ collection: 'partnerships', after: added }] });
    expect(hub.partnershipBetween('a-hub-cz', 'b099-cz')).toBe(added);
    const removed = withAdded.partnerships.find((p) => p.id === 'a-hub-cz--b000-cz');
    const withRemoved = { ...withAdded, partnerships: withAdded.partnerships.filter((p) => p !== removed) };
    hub.apply({ ops: [], data: withRemoved, records: [{ collection: 'partnerships', before: removed }] });
    expect(hub.partnershipBetween('a-hub-cz', 'b000-cz')).toBeUndefined();
    expect(hub.partnershipBetween('a-hub-cz', 'b050-cz')?.id).toBe('a-hub-cz--b050-cz');
  });

  it("GIVEN the map of every city's pairs built at start THEN each city lists its pairs once, in the store's order, as a scan does", () => {
    const data = StoreSchema.parse(syntheticStore(300, 60));
    const warm = new Catalog(data).warm();
    for (const city of data.cities)
      expect(warm.partnershipsOf(city.id)).toEqual(
        data.partnerships.filter((p) => p.cities.includes(city.id)),
      );
  });

  it('GIVEN an edit that removes a city and adds another THEN only the added one is found by its id', () => {
    const data = StoreSchema.parse(syntheticStore(0, 60));
    const catalog = new Catalog(data);
    const [gone] = data.cities as [City];
    const added: City = { id: 'c60-new', name: 'New', country: 'CZ', names: [] };
    const now = { ...data, cities: [...data.cities.slice(1), added] };
    catalog.apply({
      ops: [],
      data: now,
      records: [
        { collection: 'cities', before: gone },
        { collection: 'cities', after: added },
      ],
    });
    expect(catalog.city(gone.id)).toBeUndefined();
    expect(catalog.city('c60-new')).toBe(added);
    expect(catalog.city(data.cities[1]?.id ?? '')).toBe(data.cities[1]);
  });

  it("GIVEN every city's pairs built at start and edits that add, change and remove pairs THEN each city lists what the data holds", () => {
    const data = StoreSchema.parse(syntheticStore(300, 60));
    const catalog = new Catalog(data).warm();
    const [first, second] = data.partnerships as [Partnership, Partnership];
    const changed = { ...second, cities: [second.cities[0], 'c59-new'] as [string, string] };
    const added = { ...first, id: 'c58-new--c59-new', cities: ['c58-new', 'c59-new'] as [string, string] };
    const now = { ...data, partnerships: [...data.partnerships.slice(2), changed, added] };
    catalog.apply({
      ops: [],
      data: now,
      records: [
        { collection: 'partnerships', before: first },
        { collection: 'partnerships', before: second, after: changed },
        { collection: 'partnerships', after: added },
      ],
    });
    for (const cityId of [...data.cities.map((city) => city.id), 'c58-new', 'c59-new'])
      expect(catalog.partnershipsOf(cityId)).toEqual(
        now.partnerships.filter((p) => p.cities.includes(cityId)),
      );
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

describe('Catalog.remember', () => {
  it('GIVEN the same key twice THEN builds once; GIVEN an edit THEN builds again', () => {
    const own = new Catalog(StoreSchema.parse(smallStore()));
    let built = 0;
    const build = () => ++built;
    expect(own.remember('k', build)).toBe(1);
    expect(own.remember('k', build)).toBe(1);
    own.apply({ ops: [], data: own.data, records: [] });
    expect(own.remember('k', build)).toBe(2);
  });

  it('GIVEN more keys than it keeps THEN the least recently asked is built again, a recently asked one is not', () => {
    const own = new Catalog(StoreSchema.parse(smallStore()));
    const builds = new Map<string, number>();
    const ask = (key: string) =>
      own.remember(key, () => {
        builds.set(key, (builds.get(key) ?? 0) + 1);
        return key;
      });
    for (let i = 0; i < 16; i++) ask(`k${i}`);
    ask('k0');
    ask('k16');
    ask('k0');
    ask('k1');
    expect(builds.get('k0')).toBe(1);
    expect(builds.get('k1')).toBe(2);
  });
});
