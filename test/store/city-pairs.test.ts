import { describe, expect, it } from 'vitest';
import { type Partnership, partnershipId } from '../../src/domain/partnership.ts';
import { CityPairs } from '../../src/store/city-pairs.ts';

const pair = (a: string, b: string): Partnership => ({
  id: partnershipId(a, b),
  cities: [a, b],
  milestones: [],
  sources: [],
});

const pairs = [
  pair('brno-cz', 'rennes-fr'),
  pair('praha-cz', 'rennes-fr'),
  pair('brno-cz', 'leeds-gb'),
  pair('a-cz', 'brno-cz'),
  pair('leeds-gb', 'zlin-cz'),
];

/** Each city's pairs as a scan of the list finds them, in the list's order. */
const scanned = (list: readonly Partnership[], cityId: string) =>
  list.filter((p) => p.cities.includes(cityId));

describe('CityPairs', () => {
  it("GIVEN partnerships THEN each city's are its own, in the order given, first and last city included", () => {
    const index = new CityPairs(pairs);
    for (const cityId of ['a-cz', 'brno-cz', 'leeds-gb', 'praha-cz', 'rennes-fr', 'zlin-cz'])
      expect(index.of(cityId)).toEqual(scanned(pairs, cityId));
    expect(index.of('brno-cz').map((p) => p.id)).toEqual([
      'brno-cz--rennes-fr',
      'brno-cz--leeds-gb',
      'a-cz--brno-cz',
    ]);
  });

  it('GIVEN a city with no partnership, or none at all THEN its list is empty', () => {
    expect(new CityPairs(pairs).of('b-cz')).toEqual([]);
    expect(new CityPairs(pairs).of('zz-cz')).toEqual([]);
    expect(new CityPairs([]).of('brno-cz')).toEqual([]);
  });

  it('GIVEN pairs added and removed THEN each city has what an index built anew has, others untouched', () => {
    const index = new CityPairs(pairs);
    const added = [pair('brno-cz', 'zlin-cz'), pair('new-cz', 'praha-cz')];
    const removed = [pairs[0] as Partnership, pairs[4] as Partnership];
    index.add(added[0] as Partnership);
    index.remove(removed[0] as Partnership);
    index.add(added[1] as Partnership);
    index.remove(removed[1] as Partnership);
    index.add(added[0] as Partnership);
    const now = [...pairs.filter((p) => !removed.includes(p)), ...added];
    for (const cityId of ['a-cz', 'brno-cz', 'leeds-gb', 'new-cz', 'praha-cz', 'rennes-fr', 'zlin-cz'])
      expect(index.of(cityId)).toEqual(scanned(now, cityId));
  });

  it("GIVEN a hub's long list asked once THEN pairs added and removed later still show in it", () => {
    const hubPairs = Array.from({ length: 300 }, (_, i) => pair('hub-cz', `t${i}-de`));
    const index = new CityPairs(hubPairs);
    expect(index.of('hub-cz')).toHaveLength(300);
    const added = pair('hub-cz', 'new-fr');
    index.add(added);
    index.remove(hubPairs[0] as Partnership);
    expect(index.of('hub-cz')).toEqual([...hubPairs.slice(1), added]);
  });
});
