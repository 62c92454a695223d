import { editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { listedBy, shortCityLabel } from '../src/core/describe.ts';
import { answer, problem } from '../src/core/reply.ts';

export const remove = defineCommand({
  name: 'remove',
  args: [
    { name: 'city', kind: 'city', required: true },
    { name: 'with', kind: 'city', required: true },
  ],
  examples: ['remove Skövde / Zhangjiakou'],
  permission: 'staff',
  handler: async (ctx, { city, with: other }) => {
    const { catalog } = ctx;
    const p = catalog.partnershipBetween(city.id, other.id);
    const names = `${shortCityLabel(city, catalog)} – ${shortCityLabel(other, catalog)}`;
    if (!p) return problem(`No partnership between ${names} is recorded.`);
    const listed = catalog.isOffice(p) ? undefined : listedBy(p);
    if (!ctx.confirmed) {
      const what =
        listed === undefined
          ? `Delete the partnership ${names} with ${ctx.tr.t('count.milestone', { count: p.milestones.length })} and ${ctx.tr.t('count.source', { count: p.sources.length })}?`
          : `Hide the partnership ${names}, ${listed}? The office's store will record that it does not want it; the world layer itself is not changed.`;
      return ctx.askToConfirm(
        answer({
          title: 'Confirm this change',
          text: `${what} If it ended, record that instead: \`record ${city.id} ${other.id} termination <date>\`.`,
        }),
      );
    }
    const removed = await ctx.store.edit(editorOf(ctx.caller), (draft, _editor, office) => {
      const own = draft.partnerships.some((x) => x.id === p.id);
      // Removing the office's record would bring back the world's listing of the pair: it is hidden too.
      const hide = office.worldLists(...p.cities) && !draft.hiddenWorldPairs?.includes(p.id);
      if (!own && !hide) return { unchanged: true, result: false };
      draft.partnerships = draft.partnerships.filter((x) => x.id !== p.id);
      return {
        action: 'remove',
        summary: `Removed the partnership ${names}${hide ? ' (hidden from the world layer)' : ''}`,
        target: p.id,
        touched: [{ record: 'partnership', id: p.id }, ...(hide ? [office.hide(p.id)] : [])],
        result: true,
      };
    });
    return removed
      ? answer({ text: [`Removed the partnership ${names}. `, { command: 'undo' }, ' brings it back.'] })
      : problem(`${names} was already removed.`);
  },
});
