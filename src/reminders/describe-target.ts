import type { ReminderTarget } from '../domain/reminder.ts';
import type { Catalog } from '../store/catalog.ts';

/** "09:00 Europe/Prague, 30 and 7 days ahead and on the day, for Prague's partnerships". */
export function describeTarget(target: ReminderTarget, catalog: Catalog): string {
  const ahead = target.leads.filter((lead) => lead > 0);
  const onTheDay = target.leads.includes(0);
  const leads = [
    ahead.length > 0
      ? `${joinWords(ahead.map(String))} ${ahead.length === 1 && ahead[0] === 1 ? 'day' : 'days'} ahead`
      : '',
    onTheDay ? 'on the day' : '',
  ]
    .filter((part) => part !== '')
    .join(' and ');
  const city = target.filter?.city === undefined ? undefined : catalog.city(target.filter.city)?.name;
  const listed = target.filter?.partnerships?.length;
  const scope = city
    ? `for ${city}'s partnerships`
    : listed
      ? `for ${listed} chosen partnerships`
      : 'for every partnership';
  return `${target.postAt} ${target.timeZone}, ${leads}, ${scope}`;
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
