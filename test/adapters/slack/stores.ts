import type { StoreInput } from '../../../src/store/schema.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';

/** One city with `count` partners, each signed on a known day (so every row carries a Slack date). */
export function hubStore(count: number): StoreInput {
  const partners = Array.from({ length: count }, (_, i) => ({
    id: `partner-${i}-fr`,
    name: `Partnerville ${String(i).padStart(3, '0')}`,
    country: 'FR',
  }));
  return {
    version: 1,
    settings: { staff: [] },
    cities: [{ id: 'hub-cz', name: 'Hubov', country: 'CZ' }, ...partners],
    partnerships: partners.map((partner, i) => ({
      id: `hub-cz--${partner.id}`,
      cities: ['hub-cz', partner.id],
      type: 'twin_town',
      milestones: [{ kind: 'signing', date: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}` }],
    })),
  };
}

/** Stored text that would ping everyone, a user and a user group if it reached Slack unescaped. */
const EVIL_NAME = 'Evil <!channel> <!here> <@U123> <!subteam^S1> &lt; Town';

export function storeWithEvilCity(): StoreInput {
  const base = smallStore();
  return {
    ...base,
    cities: [...(base.cities ?? []), { id: 'evil-town-cz', name: EVIL_NAME, country: 'CZ' }],
    partnerships: [
      ...(base.partnerships ?? []),
      {
        id: 'evil-town-cz--prague-cz',
        cities: ['evil-town-cz', 'prague-cz'],
        type: 'partner_city',
        notes: 'Ask <!everyone> & <@U999>',
        milestones: [{ kind: 'signing', date: '2001-05-05', reason: '<!channel> rejoice' }],
      },
    ],
  };
}
