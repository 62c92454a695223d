import { editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { answer, problem } from '../src/core/reply.ts';
import type { Translator } from '../src/i18n/translator.ts';
import { StoreFileError } from '../src/store/errors.ts';
import type { World } from '../src/store/world/world.ts';

export const world = defineCommand({
  name: 'world',
  args: [{ name: 'action', kind: 'choice', choices: ['on', 'off'], required: false }],
  examples: ['world', 'world on', 'world off'],
  permission: 'staff',
  handler: async ({ store, caller, catalog, tr }, { action }) => {
    const using = catalog.data.settings.world === true;
    const hidden = catalog.data.hiddenWorldPairs?.length ?? 0;
    if (action === undefined) {
      return answer({
        title: using ? 'The world layer is on' : 'The world layer is off',
        text:
          using && catalog.world
            ? describe(catalog.world, tr)
            : "Only the office's own records are shown. Turn the layer on with `world on`.",
        ...(hidden > 0 && {
          footer: `${tr.t('count.listedPair', { count: hidden })} removed by the office ${hidden === 1 ? 'stays' : 'stay'} hidden.`,
        }),
        ephemeral: true,
      });
    }
    const on = action === 'on';
    if (on === using) return problem(`The world layer is already ${action}.`);
    if (on) {
      try {
        store.loadWorld();
      } catch (error) {
        if (error instanceof StoreFileError)
          return problem(`The world layer cannot be turned on: ${error.message}`);
        throw error;
      }
    }
    await store.edit(editorOf(caller), (draft) => {
      draft.settings.world = on;
      return {
        action: 'world',
        summary: `Turned the world layer ${action}`,
        touched: [{ record: 'setting', id: 'world' }],
        result: undefined,
      };
    });
    const shown = store.catalog.world;
    return answer({
      text: shown
        ? `The world layer is on: ${describe(shown, tr)} \`undo\` turns it off again.`
        : "The world layer is off: only the office's own records are shown (those it copied from the layer stay). `undo` turns it on again.",
    });
  },
});

function describe(layer: World, tr: Translator): string {
  return `${layer.cities.length === 1 ? '1 city' : `${layer.cities.length} cities`} and ${tr.t('count.listedPartnership', { count: layer.partnerships.length })} from ${layer.sources.map((s) => `${s.title} (${s.licence})`).join(', ')} are shown beside the office's records, which win wherever both speak of the same city or pair.`;
}
