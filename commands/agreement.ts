import { defineCommand } from '../src/core/command.ts';
import {
  dateClause,
  describeAct,
  describeStatus,
  listedClause,
  objectionClause,
  STATUS_LABELS,
  shortCityLabel,
  typeLabel,
} from '../src/core/describe.ts';
import type { YesNoQuestion } from '../src/core/parse-command.ts';
import { answer, type Field, problem, type Row, type Span } from '../src/core/reply.ts';
import { anniversaryMilestone } from '../src/domain/anniversary.ts';
import type { Milestone, Partnership } from '../src/domain/partnership.ts';
import { type DerivedStatus, deriveStatus } from '../src/domain/status.ts';
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
  handler: ({ catalog, today, asks }, { city, with: other }) => {
    const p = catalog.partnershipBetween(city.id, other.id);
    const names = `${shortCityLabel(city, catalog)} – ${shortCityLabel(other, catalog)}`;
    if (!p) {
      const lead = asks === 'in-force' ? 'No: no' : 'No';
      return problem(`${lead} partnership between ${names} is recorded.`, {
        suggestions: [`partners ${city.id}`, `partners ${other.id}`],
      });
    }
    const listed = listedClause(p);
    if (listed !== undefined) return listedAnswer(p, names, listed, asks);
    const derived = deriveStatus(p, today);
    const signing = p.milestones.find((m) => m.kind === 'signing');
    const from = anniversaryMilestone(p);
    const fields: Field[] = [
      { label: 'Type', value: typeLabel(p.type) },
      { label: 'Status', value: describeStatus(derived, catalog) },
      ...p.cities.map((id, index) => ({
        label: `${catalog.city(id)?.name ?? id}'s side`,
        value: STATUS_LABELS[derived.sides[index] ?? 'none'],
      })),
      { label: 'Signed', value: signing ? dateAndPlace(signing) : 'no signing recorded' },
      ...(from && from !== signing
        ? [{ label: 'Anniversaries count from', value: [{ date: from.date }] }]
        : []),
      ...(p.notes ? [{ label: 'Notes', value: p.notes }] : []),
    ];
    return answer({
      title: names,
      ...(asks === 'in-force' && { text: inForceAnswer(derived, catalog) }),
      ...(asks === 'ended-by-first' && { text: endedByAnswer(city.id, derived, catalog) }),
      fields,
      sections: [{ heading: 'Timeline', rows: p.milestones.map((m) => timelineRow(m, p, catalog)) }],
      links: sourceLinks(p),
    });
  },
});

function sourceLinks(p: Partnership): { label: string; url?: string }[] {
  return p.sources.map((s, i) => ({
    label: `[${i + 1}] ${s.title}${s.publisher ? `, ${s.publisher}` : ''}`,
    ...(s.url && { url: s.url }),
  }));
}

/**
 * A pair the public lists name without any date or act: what they say and where, and nothing about
 * a status or an anniversary that nobody recorded.
 */
function listedAnswer(p: Partnership, names: string, listed: string, asks: YesNoQuestion | undefined) {
  const verdict: Span[] | undefined =
    asks === 'in-force'
      ? [`Unknown: ${listed}; whether it is in force is not recorded.`]
      : asks === 'ended-by-first'
        ? [`Unknown: ${listed}; no ending is recorded.`]
        : undefined;
  return answer({
    title: names,
    ...(verdict && { text: verdict }),
    fields: [
      { label: 'Type', value: typeLabel(p.type) },
      { label: 'Status', value: listed },
      { label: 'Signed', value: 'no date recorded' },
    ],
    footer:
      'Staff can record what the office knows (`record ... signing <date>`); the list entry stays cited.',
    links: sourceLinks(p),
  });
}

/**
 * The answer to "is it still in force?" before the details: "No: Shanghai ended the partnership on
 * 14 January 2020.", "Yes: active since 13 January 2020.", "Disputed: ...".
 */
function inForceAnswer(derived: DerivedStatus, catalog: Catalog): Span[] {
  const status = derived.status;
  if (status === 'active') return ['Yes: ', ...describeStatus(derived, catalog), '.'];
  if (status === 'disputed') return ['Disputed: ', ...disputedAct(derived, catalog), '.'];
  const ended = endedAct(derived.decisive, catalog);
  if (ended) return ['No: ', ...ended, '.'];
  const verdict =
    status === 'proposed' || status === 'approved' ? 'Not yet' : status === 'none' ? 'Unknown' : 'No';
  return [`${verdict}: `, ...describeStatus(derived, catalog), '.'];
}

/**
 * The answer to "did X end it?" before the details: yes when X's own act ended (or suspended, or began
 * phasing out) the partnership, no with who did otherwise, and no with the status when nobody did.
 */
function endedByAnswer(askedAbout: string, derived: DerivedStatus, catalog: Catalog): Span[] {
  const ended = endedAct(derived.decisive, catalog);
  if (!ended) return ['No: ', ...describeStatus(derived, catalog), '.'];
  const byAskedCity = derived.decisive?.by === askedAbout;
  const disputed = derived.status === 'disputed' ? disputedAct(derived, catalog) : undefined;
  if (byAskedCity)
    return disputed ? ['Yes, but it is disputed: ', ...disputed, '.'] : ['Yes: ', ...ended, '.'];
  const asked = catalog.city(askedAbout)?.name ?? askedAbout;
  const jointly = derived.decisive?.by === undefined;
  return jointly
    ? ['Yes, together with its partner: ', ...ended, '.']
    : ['No: ', ...ended, `; ${asked} did not.`];
}

/** "Osaka ended the partnership on 2 October 2018; San Francisco does not accept that" */
function disputedAct(derived: DerivedStatus, catalog: Catalog): Span[] {
  const { decisive } = derived;
  const act = endedAct(decisive, catalog) ?? [
    decisive ? describeAct(decisive, catalog) : 'one side acted',
    ...dateClause(decisive),
  ];
  return [...act, objectionClause(derived, catalog)];
}

const ENDING_VERBS: Partial<Record<Milestone['kind'], string>> = {
  termination: 'ended',
  suspension: 'suspended',
  phase_out: 'began phasing out',
};

/** "Shanghai ended the partnership on 14 January 2020", or without an actor "the partnership was ended". */
function endedAct(m: Milestone | undefined, catalog: Catalog): Span[] | undefined {
  const verb = m && ENDING_VERBS[m.kind];
  if (!m || !verb) return undefined;
  const actor = m.by ? catalog.city(m.by)?.name : undefined;
  const passive = verb === 'began phasing out' ? 'is being phased out' : `was ${verb}`;
  return [actor ? `${actor} ${verb} the partnership` : `the partnership ${passive}`, ...dateClause(m)];
}

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
