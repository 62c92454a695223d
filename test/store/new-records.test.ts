import { describe, expect, it } from 'vitest';
import type { City } from '../../src/domain/city.ts';
import type { Milestone } from '../../src/domain/partnership.ts';
import { cityId, ensureCity, insertMilestone, sourceFromUrl } from '../../src/store/new-records.ts';

const city = (id: string, name: string, country: string, region?: string): City => ({
  id,
  name,
  names: [],
  country,
  ...(region !== undefined && { region }),
});

describe('ensureCity', () => {
  it('GIVEN a new place THEN adds a city with a slug id, its country and region', () => {
    const draft = { cities: [city('prague-cz', 'Prague', 'CZ')] };
    const made = ensureCity(draft, { name: 'Skövde', country: 'SE' });
    expect(made).toEqual({ id: 'skovde-se', created: city('skovde-se', 'Skövde', 'SE') });
    expect(ensureCity(draft, { name: 'Springfield', region: 'Illinois', country: 'US' }).id).toBe(
      'springfield-illinois-us',
    );
    expect(draft.cities.map((c) => c.id)).toEqual(['prague-cz', 'skovde-se', 'springfield-illinois-us']);
  });

  it('GIVEN a place already in the draft, name and region in any case or accents, THEN reuses it and creates nothing', () => {
    const draft = { cities: [city('skovde-se', 'Skövde', 'SE')] };
    draft.cities.push(city('springfield-illinois-us', 'Springfield', 'US', 'Illinois'));
    expect(ensureCity(draft, { name: 'SKOVDE', country: 'SE' })).toEqual({ id: 'skovde-se' });
    expect(ensureCity(draft, { name: 'springfield', region: 'illinois', country: 'US' })).toEqual({
      id: 'springfield-illinois-us',
    });
    expect(draft.cities).toHaveLength(2);
  });

  it('GIVEN the same name in another region or country THEN makes a new city with its own id', () => {
    const draft = { cities: [city('concord-us', 'Concord', 'US')] };
    expect(ensureCity(draft, { name: 'Concord', region: 'New Hampshire', country: 'US' }).id).toBe(
      'concord-new-hampshire-us',
    );
    expect(ensureCity(draft, { name: 'Concord', country: 'AU' }).id).toBe('concord-au');
  });
});

describe('cityId', () => {
  it('GIVEN an id already taken THEN numbers the new one', () => {
    expect(cityId({ name: 'Concord', country: 'US' }, new Set(['concord-us']))).toBe('concord-us-2');
    expect(cityId({ name: 'Concord', country: 'US' }, new Set(['concord-us', 'concord-us-2']))).toBe(
      'concord-us-3',
    );
  });
});

describe('sourceFromUrl', () => {
  it('GIVEN an address THEN titles the source by its site, without www', () => {
    expect(sourceFromUrl('https://www.praha.eu/news/1', new Set())).toEqual({
      id: 'praha-eu-news-1',
      title: 'praha.eu',
      url: 'https://www.praha.eu/news/1',
    });
  });

  it('GIVEN a source id already taken THEN numbers the new one', () => {
    expect(sourceFromUrl('https://a.example/b', new Set(['a-example-b'])).id).toBe('a-example-b-2');
  });
});

describe('insertMilestone', () => {
  const at = (kind: Milestone['kind'], date?: string): Milestone => ({
    kind,
    ...(date !== undefined && { date }),
    sources: [],
  });

  it('GIVEN a dated milestone THEN it goes before the first one dated later', () => {
    const list = [at('signing', '1957'), at('termination', '2018-10-02'), at('objection', '2018-10')];
    insertMilestone(list, at('suspension', '2008'));
    insertMilestone(list, at('renewal', '2019-03'));
    expect(list.map((m) => m.date)).toEqual(['1957', '2008', '2018-10-02', '2018-10', '2019-03']);
  });

  it('GIVEN an undated milestone THEN it goes last', () => {
    const list = [at('signing', '1957'), at('renewal', '2000')];
    insertMilestone(list, at('termination'));
    expect(list.map((m) => m.kind)).toEqual(['signing', 'renewal', 'termination']);
  });
});
