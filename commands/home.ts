import { editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { cityLabel, cityLabelIn } from '../src/core/describe.ts';
import { answer } from '../src/core/reply.ts';
import { cityName } from '../src/i18n/city-name.ts';

export const home = defineCommand({
  name: 'home',
  args: [{ name: 'city', kind: 'city', required: true }],
  examples: ['home Prague'],
  permission: 'staff',
  handler: async ({ store, caller, tr }, { city }) => {
    const previous = await store.edit(editorOf(caller), (draft, _editor, office) => {
      const before = draft.settings.homeCity;
      // The home city must be one of the office's own: a world city is copied in.
      office.city(city.id);
      draft.settings.homeCity = city.id;
      return {
        action: 'home',
        // The audit log is one record for every reader: its summary is written once, in English.
        summary: `Set the home city to ${cityLabel(city)}`,
        change: { key: 'home', values: { city: city.id } },
        target: city.id,
        touched: [{ record: 'setting', id: 'homeCity' }],
        result: before,
      };
    });
    const was = previous === undefined || previous === city.id ? undefined : store.catalog.city(previous);
    const now = cityLabelIn(city, tr.lang);
    return answer({
      text: was
        ? tr.t('home.setWas', { city: now, was: cityName(was, tr.lang) })
        : tr.t('home.set', { city: now }),
    });
  },
});
