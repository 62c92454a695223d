import { defineCommand } from '../src/core/command.ts';
import { cityLabelIn } from '../src/core/describe.ts';
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
      title: tr.t('search.title', { text }),
      text: found.length === 0 ? tr.t('search.none') : tr.t('search.shown', { count: found.length }),
      sections: [
        {
          rows: found.map((city) => ({
            text: cityLabelIn(city, tr.lang),
            detail: tr.t('search.detail', {
              partnerships: tr.t('count.partnership', { count: catalog.partnershipsOf(city.id).length }),
              id: city.id,
            }),
          })),
        },
      ],
    });
  },
});
