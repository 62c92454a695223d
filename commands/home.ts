import { editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { cityLabel } from '../src/core/describe.ts';
import { answer } from '../src/core/reply.ts';

export const home = defineCommand({
  name: 'home',
  args: [{ name: 'city', kind: 'city', required: true }],
  examples: ['home Prague'],
  permission: 'staff',
  handler: async ({ store, caller }, { city }) => {
    const previous = await store.edit(editorOf(caller), (draft, _editor, office) => {
      const before = draft.settings.homeCity;
      // The home city must be one of the office's own: a world city is copied in.
      office.city(city.id);
      draft.settings.homeCity = city.id;
      return {
        action: 'home',
        summary: `Set the home city to ${cityLabel(city)}`,
        target: city.id,
        touched: [{ record: 'setting', id: 'homeCity' }],
        result: before,
      };
    });
    const was = previous === undefined || previous === city.id ? undefined : store.catalog.city(previous);
    return answer({
      text: `The home city is now ${cityLabel(city)}${was ? ` (it was ${was.name})` : ''}. \`partners\` without a city answers for it.`,
    });
  },
});
