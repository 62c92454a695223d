import { editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { cityLabel, cityLabelIn } from '../src/core/describe.ts';
import { answer, problem } from '../src/core/reply.ts';
import type { City } from '../src/domain/city.ts';
import { foldName } from '../src/domain/names.ts';
import { formatList } from '../src/i18n/translator.ts';

export const alias = defineCommand({
  name: 'alias',
  args: [
    { name: 'city', kind: 'city', required: true },
    { name: 'name', kind: 'text', required: true, maxLength: 200 },
    { name: 'lang', kind: 'lang', required: false },
  ],
  examples: ['alias Prague Prag de', 'alias Kitakami 北上市 ja', 'alias Concord, California / Concord CA'],
  permission: 'staff',
  handler: async ({ store, caller, catalog, tr }, { city, name, lang }) => {
    const folded = foldName(name);
    const label = cityLabelIn(city, tr.lang);
    if (folded === '') return problem(tr.t('edit.alias.noLetters', { name }), { field: 'name' });
    if (hasName(city, folded))
      return problem(tr.t('edit.alias.already', { name, city: label }), { field: 'name' });
    const others = catalog.matchName(name).filter((c) => c.id !== city.id);
    const added = await store.edit(editorOf(caller), (_draft, _editor, office) => {
      const target = office.city(city.id);
      // Checked again here: the same name may have been added while this change waited its turn.
      if (!target || hasName(target, folded)) return { unchanged: true, result: false };
      target.names.push({ name, kind: 'alias', ...(lang !== undefined && { lang }) });
      return {
        action: 'alias',
        summary: `Added the name "${name}"${lang ? ` (${lang})` : ''} to ${cityLabel(city)}`,
        change: { key: 'alias', values: { city: city.id, name, ...(lang !== undefined && { lang }) } },
        target: city.id,
        touched: [{ record: 'city', id: city.id }],
        result: true,
      };
    });
    if (!added) return problem(tr.t('edit.alias.already', { name, city: label }), { field: 'name' });
    if (others.length === 0) return answer({ text: tr.t('edit.alias.done', { name, city: label }) });
    const shared = formatList(
      others.map((c) => cityLabelIn(c, tr.lang)),
      tr.lang,
    );
    return answer({
      text: tr.t('edit.alias.doneShared', { name, city: label, others: shared, count: others.length }),
    });
  },
});

function hasName(city: City, folded: string): boolean {
  return [city.name, ...city.names.map((n) => n.name)].some((n) => foldName(n) === folded);
}
