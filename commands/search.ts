import { defineCommand } from '../src/core/command.ts';
import { cityLabel } from '../src/core/describe.ts';
import { answer } from '../src/core/reply.ts';

const LIMIT = 10;

export const search = defineCommand({
  name: 'search',
  args: [{ name: 'text', kind: 'text', required: true }],
  examples: ['search prah', 'search gyongyos', 'search 北上'],
  permission: 'everyone',
  handler: ({ catalog, tr }, { text }) => {
    const found = catalog.search(text, LIMIT);
    return answer({
      title: `Cities matching "${text}"`,
      text: found.length === 0 ? 'No city matches. Try fewer letters.' : `${found.length} shown, best first`,
      sections: [
        {
          rows: found.map((city) => ({
            text: cityLabel(city),
            detail: `${tr.t('count.partnership', { count: catalog.partnershipsOf(city.id).length })} · id ${city.id}`,
          })),
        },
      ],
    });
  },
});
