import { shortCityLabel, typeLabel } from '../core/describe.ts';
import { answer, type Reply } from '../core/reply.ts';
import { anniversaryDate, type FoundAnniversary } from '../domain/anniversary.ts';
import { monthName, ordinal } from '../render/dates.ts';
import type { Catalog } from '../store/catalog.ts';
import type { DueReminder } from './due.ts';

/**
 * The post for one reminder. Milestone years get a celebratory title; disputed partnerships are
 * labelled so; a late post says when it was due.
 */
export function reminderMessage(reminder: DueReminder, catalog: Catalog, late?: { due: string }): Reply {
  const lateNote = late ? ` (posted late: it was due on ${late.due})` : '';
  if (reminder.kind === 'digest') {
    return answer({
      title: `Anniversaries in ${reminder.year} with the day not recorded`,
      text: `${reminder.anniversaries.length} partnerships count their years from a date known only to the year.${lateNote}`,
      sections: [
        { rows: reminder.anniversaries.map((a) => ({ text: `${headline(a, catalog)}${disputed(a)}` })) },
      ],
    });
  }
  const a = reminder.anniversary;
  const celebrate = a.milestoneYear ? '🎉 ' : '';
  const when =
    reminder.lead === 'month'
      ? [`this ${monthName(a.month ?? 1)}, day not recorded`]
      : reminder.lead === 0
        ? ['today']
        : [`in ${reminder.lead} days, on `, { date: anniversaryDate(a) }];
  return answer({
    title: `${celebrate}${headline(a, catalog)}`,
    text: [`The ${ordinal(a.number)} anniversary is `, ...when, `.${disputed(a)}${lateNote}`],
    fields: [
      { label: 'Type', value: typeLabel(a.partnership.type) },
      { label: 'Counted from', value: [{ date: a.from.date }] },
    ],
    footer: [
      { command: `agreement ${a.partnership.cities[0]} ${a.partnership.cities[1]}` },
      ' for the full story',
    ],
  });
}

function headline(a: FoundAnniversary, catalog: Catalog): string {
  const pair = a.partnership.cities.map((id) => {
    const city = catalog.city(id);
    return city ? shortCityLabel(city, catalog) : id;
  });
  return `${ordinal(a.number)} anniversary: ${pair.join(' – ')}${a.milestoneYear ? ' (a milestone year)' : ''}`;
}

function disputed(a: FoundAnniversary): string {
  return a.status === 'disputed'
    ? ' The partnership is disputed: one side has ended it, the other does not accept that.'
    : '';
}
