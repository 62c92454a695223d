import { editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { cityLabel } from '../src/core/describe.ts';
import { answer, problem } from '../src/core/reply.ts';
import type { City } from '../src/domain/city.ts';
import { foldName } from '../src/domain/names.ts';

export const alias = defineCommand({
  name: 'alias',
  args: [
    { name: 'city', kind: 'city', required: true },
    { name: 'name', kind: 'text', required: true, maxLength: 200 },
    { name: 'lang', kind: 'lang', required: false },
  ],
  examples: ['alias Prague Prag de', 'alias Kitakami 北上市 ja', 'alias Concord, California / Concord CA'],
  permission: 'staff',
  handler: async ({ store, caller, catalog }, { city, name, lang }) => {
    const folded = foldName(name);
    if (folded === '') return problem(`"${name}" has no letters or digits to look up.`, { field: 'name' });
    if (hasName(city, folded))
      return problem(`"${name}" is already a name of ${cityLabel(city)}.`, { field: 'name' });
    const others = catalog.matchName(name).filter((c) => c.id !== city.id);
    const added = await store.edit(editorOf(caller), (_draft, _editor, office) => {
      const target = office.city(city.id);
      // Checked again here: the same name may have been added while this change waited its turn.
      if (!target || hasName(target, folded)) return { unchanged: true, result: false };
      target.names.push({ name, kind: 'alias', ...(lang !== undefined && { lang }) });
      return {
        action: 'alias',
        summary: `Added the name "${name}"${lang ? ` (${lang})` : ''} to ${cityLabel(city)}`,
        target: city.id,
        touched: [{ record: 'city', id: city.id }],
        result: true,
      };
    });
    if (!added) return problem(`"${name}" is already a name of ${cityLabel(city)}.`, { field: 'name' });
    const shared =
      others.length > 0
        ? ` ${others.map(cityLabel).join('; ')} also ${others.length === 1 ? 'goes' : 'go'} by that name, so questions using it will ask which city is meant.`
        : '';
    return answer({ text: `"${name}" now finds ${cityLabel(city)}.${shared}` });
  },
});

function hasName(city: City, folded: string): boolean {
  return [city.name, ...city.names.map((n) => n.name)].some((n) => foldName(n) === folded);
}
