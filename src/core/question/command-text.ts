import type { Catalog } from '../../store/catalog.ts';
import type { Invocation } from '../parse-command.ts';

/**
 * The invocation as a line of the text grammar, for "Did you mean: agreement Prague Shanghai?": a
 * city id is shown by its name when that name means only this city, and two cities are split with
 * " / " when a name has several words.
 */
export function commandText(invocation: Invocation, catalog: Catalog): string {
  const values = Object.values(invocation.args).map((value) => readableCity(value, catalog));
  const separator =
    values.length === 2 && values.some((v) => v.includes(' ')) && invocation.command === 'agreement'
      ? ' / '
      : ' ';
  return [invocation.command, values.join(separator)].filter((part) => part !== '').join(' ');
}

function readableCity(value: string, catalog: Catalog): string {
  const city = catalog.city(value);
  if (!city) return value;
  const byName = catalog.matchName(city.name);
  return byName.length === 1 && byName[0]?.id === city.id ? city.name : city.id;
}
