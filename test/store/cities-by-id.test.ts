import { describe, expect, it } from 'vitest';
import type { City } from '../../src/domain/city.ts';
import { CitiesById } from '../../src/store/cities-by-id.ts';

const city = (id: string, name = id): City => ({ id, name, country: 'CZ', names: [] });

const cities = [city('praha-cz'), city('brno-cz'), city('zlin-cz'), city('a-cz'), city('ostrava-cz')];

describe('CitiesById', () => {
  it('GIVEN cities in any order THEN each is found by its id, first and last included, and no other id', () => {
    const index = new CitiesById(cities);
    for (const c of cities) expect(index.get(c.id)).toBe(c);
    expect(index.has('brno-cz')).toBe(true);
    for (const id of ['', 'a', 'b-cz', 'zz-cz', 'praha']) {
      expect(index.get(id)).toBeUndefined();
      expect(index.has(id)).toBe(false);
    }
  });

  it('GIVEN two cities with one id THEN the later is kept, as a map keeps it', () => {
    const later = city('brno-cz', 'Brno 2');
    expect(new CitiesById([...cities, later]).get('brno-cz')).toBe(later);
  });

  it('GIVEN cities added, replaced and removed THEN each id finds the city it now has', () => {
    const index = new CitiesById(cities);
    const added = [city('aa-cz'), city('zz-cz'), city('m-cz')];
    for (const c of added) index.set(c);
    const replaced = city('zlin-cz', 'Zlín');
    index.set(replaced);
    index.delete(cities[1] as City);
    index.delete(city('praha-cz', 'Another record with its id'));
    expect(index.get('brno-cz')).toBeUndefined();
    expect(index.get('praha-cz')).toBe(cities[0]);
    expect(index.get('zlin-cz')).toBe(replaced);
    for (const c of [...added, cities[3] as City, cities[4] as City]) expect(index.get(c.id)).toBe(c);
    index.delete(replaced);
    expect(index.get('zlin-cz')).toBeUndefined();
  });
});
