import { editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { answer, problem } from '../src/core/reply.ts';
import { tSpans } from '../src/i18n/spans.ts';
import { formatList, type Translator } from '../src/i18n/translator.ts';
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
        title: tr.t(using ? 'edit.world.titleOn' : 'edit.world.titleOff'),
        text:
          using && catalog.world
            ? describe(catalog.world, tr)
            : tSpans(tr, 'edit.world.onlyOffice', { command: { command: 'world on' } }),
        ...(hidden > 0 && { footer: tr.t('edit.world.hidden', { count: hidden }) }),
        ephemeral: true,
      });
    }
    const on = action === 'on';
    if (on === using) return problem(tr.t(on ? 'edit.world.alreadyOn' : 'edit.world.alreadyOff'));
    if (on) {
      try {
        store.loadWorld();
      } catch (error) {
        if (error instanceof StoreFileError)
          return problem(tr.t('edit.world.cannotTurnOn', { detail: error.message }));
        throw error;
      }
    }
    await store.edit(editorOf(caller), (draft) => {
      draft.settings.world = on;
      return {
        action: 'world',
        summary: `Turned the world layer ${action}`,
        change: { key: 'world', values: { on } },
        touched: [{ record: 'setting', id: 'world' }],
        result: undefined,
      };
    });
    const shown = store.catalog.world;
    const undo = { command: 'undo' };
    return answer({
      text: shown
        ? tSpans(tr, 'edit.world.nowOn', { layer: describe(shown, tr), undo })
        : tSpans(tr, 'edit.world.nowOff', { undo }),
    });
  },
});

function describe(layer: World, tr: Translator): string {
  return tr.t('edit.world.shown', {
    cities: tr.t('edit.world.cities', { count: layer.cities.length }),
    partnerships: tr.t('count.listedPartnership', { count: layer.partnerships.length }),
    sources: formatList(
      layer.sources.map((s) => `${s.title} (${s.licence})`),
      tr.lang,
    ),
  });
}
