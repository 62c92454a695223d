import type { StoreInput } from '../../../src/store/schema.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';

/**
 * The small store plus cities named like everyday words (Mobile, Reading, Split, Nice, Bath), a few
 * seed cities with diacritics and multi-word names, and Prague as the home city.
 */
export function questionStore(homeCity: string | undefined = 'prague-cz'): StoreInput {
  const base = smallStore();
  return {
    ...base,
    settings: { ...base.settings, ...(homeCity && { homeCity }) },
    cities: [
      ...base.cities,
      { id: 'mobile-us', name: 'Mobile', country: 'US', region: 'Alabama' },
      { id: 'reading-gb', name: 'Reading', country: 'GB' },
      { id: 'split-hr', name: 'Split', country: 'HR' },
      { id: 'nice-fr', name: 'Nice', country: 'FR', names: [{ name: 'Nizza', lang: 'de', kind: 'exonym' }] },
      { id: 'bath-gb', name: 'Bath', country: 'GB' },
      { id: 'gyongyos-hu', name: 'Gyöngyös', country: 'HU' },
      { id: 'borlange-se', name: 'Borlänge', country: 'SE' },
      { id: 'wuhan-cn', name: 'Wuhan', country: 'CN', names: [{ name: '武汉', lang: 'zh', kind: 'native' }] },
      {
        id: 'klagenfurt-at',
        name: 'Klagenfurt am Wörthersee',
        country: 'AT',
        names: [{ name: 'Klagenfurt', lang: 'de', kind: 'alias' }],
      },
    ],
    partnerships: [
      ...base.partnerships,
      {
        id: 'borlange-se--wuhan-cn',
        cities: ['borlange-se', 'wuhan-cn'],
        type: 'friendship_city',
        milestones: [{ kind: 'signing', date: '1995-09-12' }],
      },
      {
        id: 'mobile-us--reading-gb',
        cities: ['mobile-us', 'reading-gb'],
        type: 'sister_city',
        milestones: [{ kind: 'signing', date: '1980' }],
      },
      {
        id: 'nice-fr--split-hr',
        cities: ['nice-fr', 'split-hr'],
        type: 'twin_town',
        milestones: [{ kind: 'signing', date: '1990-05-01' }],
      },
      {
        id: 'bath-gb--prague-cz',
        cities: ['bath-gb', 'prague-cz'],
        type: 'twin_town',
        milestones: [{ kind: 'signing', date: '2001-04-20' }],
      },
    ],
  };
}
