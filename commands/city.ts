import { defineCommand } from '../src/core/command.ts';
import { cityLabel, listedBy, statusLabel } from '../src/core/describe.ts';
import { answer } from '../src/core/reply.ts';
import { countryName } from '../src/domain/country.ts';
import { deriveStatus } from '../src/domain/status.ts';

export const city = defineCommand({
  name: 'city',
  args: [{ name: 'city', kind: 'city', required: true }],
  examples: ['city Prague', 'city rzeszow', 'city 北上市'],
  permission: 'everyone',
  handler: ({ catalog, today }, { city }) => {
    const counts = new Map<string, number>();
    for (const p of catalog.partnershipsOf(city.id)) {
      const status = listedBy(p)
        ? 'only listed by Wikipedia or Wikidata (no date recorded)'
        : statusLabel(deriveStatus(p, today).status);
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
    const partners = [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
    const names = city.names.map((n) => (n.lang ? `${n.name} (${n.lang})` : n.name)).join(', ');
    return answer({
      title: cityLabel(city),
      fields: [
        { label: 'Names', value: names || 'no other names recorded' },
        { label: 'Country', value: `${countryName(city.country)} (${city.country})` },
        { label: 'Region', value: city.region ?? 'not recorded' },
        { label: 'Time zone', value: city.timeZone ?? 'not recorded' },
        { label: 'Partners', value: partners || 'none recorded' },
        ...(city.wikidata ? [{ label: 'Wikidata', value: city.wikidata }] : []),
      ],
      footer: [`id: ${city.id} · see partners with `, { command: `partners ${city.id}` }],
    });
  },
});
