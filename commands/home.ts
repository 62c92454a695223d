import { actorId } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { cityLabel } from '../src/core/describe.ts';
import { answer } from '../src/core/reply.ts';

export const home = defineCommand({
  name: 'home',
  summary: "Set the office's home city, the default for `partners` (and for reminders)",
  args: [{ name: 'city', kind: 'city', description: 'the home city', required: true }],
  examples: ['home Prague'],
  permission: 'staff',
  handler: async ({ store, caller }, { city }) => {
    const before = await store.update((draft) => {
      const previous = draft.settings.homeCity;
      if (previous === city.id) return { unchanged: true, result: previous };
      draft.settings.homeCity = city.id;
      return {
        result: previous,
        audit: {
          actor: actorId(caller),
          platform: caller.platform,
          action: 'home',
          target: city.id,
          ...(previous !== undefined && { before: previous }),
          after: city.id,
        },
      };
    });
    const previous = before === undefined || before === city.id ? undefined : store.catalog.city(before);
    return answer({
      text: `The home city is now ${cityLabel(city)}${previous ? ` (it was ${previous.name})` : ''}. \`partners\` without a city answers for it.`,
    });
  },
});
