import { editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { listedBy, shortCityLabel } from '../src/core/describe.ts';
import { answer, problem } from '../src/core/reply.ts';
import { tSpans } from '../src/i18n/spans.ts';

export const remove = defineCommand({
  name: 'remove',
  args: [
    { name: 'city', kind: 'city', required: true },
    { name: 'with', kind: 'city', required: true },
  ],
  examples: ['remove Skövde / Zhangjiakou'],
  permission: 'staff',
  handler: async (ctx, { city, with: other }) => {
    const { catalog, tr } = ctx;
    const p = catalog.partnershipBetween(city.id, other.id);
    const names = `${shortCityLabel(city, catalog, tr.lang)} – ${shortCityLabel(other, catalog, tr.lang)}`;
    if (!p) return problem(tr.t('edit.remove.none', { names }));
    const listed = catalog.isOffice(p) ? undefined : listedBy(p, tr);
    if (!ctx.confirmed) {
      const instead = { command: `record ${city.id} ${other.id} termination <date>` };
      return ctx.askToConfirm(
        answer({
          title: tr.t('edit.confirmTitle'),
          text:
            listed === undefined
              ? tSpans(tr, 'edit.remove.confirmDelete', {
                  names,
                  milestones: tr.t('count.milestone', { count: p.milestones.length }),
                  sources: tr.t('count.source', { count: p.sources.length }),
                  instead,
                })
              : tSpans(tr, 'edit.remove.confirmHide', { names, listed, instead }),
        }),
      );
    }
    // The history's words: the office's record of what changed, kept in one language (English).
    const englishNames = `${shortCityLabel(city, catalog)} – ${shortCityLabel(other, catalog)}`;
    const removed = await ctx.store.edit(editorOf(ctx.caller), (draft, _editor, office) => {
      const own = draft.partnerships.some((x) => x.id === p.id);
      // Removing the office's record would bring back the world's listing of the pair: it is hidden too.
      const hide = office.worldLists(...p.cities) && !draft.hiddenWorldPairs?.includes(p.id);
      if (!own && !hide) return { unchanged: true, result: false };
      draft.partnerships = draft.partnerships.filter((x) => x.id !== p.id);
      return {
        action: 'remove',
        summary: `Removed the partnership ${englishNames}${hide ? ' (hidden from the world layer)' : ''}`,
        change: { key: 'removed', values: { cities: [city.id, other.id], ...(hide && { hidden: true }) } },
        target: p.id,
        touched: [{ record: 'partnership', id: p.id }, ...(hide ? [office.hide(p.id)] : [])],
        result: true,
      };
    });
    return removed
      ? answer({ text: tSpans(tr, 'edit.remove.done', { names, undo: { command: 'undo' } }) })
      : problem(tr.t('edit.remove.already', { names }));
  },
});
