import { defineCommand } from '../src/core/command.ts';
import {
  describeAct,
  describeStatus,
  STATUS_LABELS,
  shortCityLabel,
  typeLabel,
} from '../src/core/describe.ts';
import { answer, type Field, problem, type Row, type Span } from '../src/core/reply.ts';
import { anniversaryMilestone } from '../src/domain/anniversary.ts';
import type { Milestone, Partnership } from '../src/domain/partnership.ts';
import { deriveStatus } from '../src/domain/status.ts';
import type { Catalog } from '../src/store/catalog.ts';

export const agreement = defineCommand({
  name: 'agreement',
  summary: 'The status of the agreement between two cities, per side, with its full timeline and sources',
  args: [
    { name: 'city', kind: 'city', description: 'a city', required: true },
    { name: 'with', kind: 'city', description: 'its partner city', required: true },
  ],
  examples: ['agreement Prague Shanghai', 'agreement san francisco osaka', 'agreement Paderborn / Le Mans'],
  permission: 'everyone',
  handler: ({ catalog, today }, { city, with: other }) => {
    const p = catalog.partnershipBetween(city.id, other.id);
    const names = `${shortCityLabel(city, catalog)} – ${shortCityLabel(other, catalog)}`;
    if (!p) {
      return problem(`No partnership between ${names} is recorded.`, {
        suggestions: [`partners ${city.id}`, `partners ${other.id}`],
      });
    }
    const derived = deriveStatus(p, today);
    const signing = p.milestones.find((m) => m.kind === 'signing');
    const from = anniversaryMilestone(p);
    const fields: Field[] = [
      { label: 'Type', value: typeLabel(p.type) },
      { label: 'Status', value: describeStatus(derived, catalog) },
      ...p.cities.map((id) => ({
        label: `${catalog.city(id)?.name ?? id}'s side`,
        value: STATUS_LABELS[derived.sides[id] ?? 'none'],
      })),
      { label: 'Signed', value: signing ? dateAndPlace(signing) : 'no signing recorded' },
      ...(from && from !== signing
        ? [{ label: 'Anniversaries count from', value: [{ date: from.date }] }]
        : []),
      ...(p.notes ? [{ label: 'Notes', value: p.notes }] : []),
    ];
    return answer({
      title: names,
      fields,
      sections: [{ heading: 'Timeline', rows: p.milestones.map((m) => timelineRow(m, p, catalog)) }],
      links: p.sources.map((s, i) => ({
        label: `[${i + 1}] ${s.title}${s.publisher ? `, ${s.publisher}` : ''}`,
        ...(s.url && { url: s.url }),
      })),
    });
  },
});

function dateAndPlace(m: Milestone): Span[] {
  return [m.date ? { date: m.date } : 'date unknown', m.place ? ` in ${m.place}` : ''];
}

/** "14 January 2020 — terminated by Shanghai: reason [1]" */
function timelineRow(m: Milestone, p: Partnership, catalog: Catalog): Row {
  const refs = m.sources.map((id) => `[${p.sources.findIndex((s) => s.id === id) + 1}]`).join('');
  const details = [m.reason, m.note].filter((text) => text !== undefined).join(' ');
  return {
    text: [...dateAndPlace(m), ` — ${describeAct(m, catalog)}`, refs ? ` ${refs}` : ''],
    ...(details && { detail: details }),
  };
}
