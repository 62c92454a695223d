import type { Temporal } from 'temporal-polyfill';
import { defineCommand } from '../src/core/command.ts';
import {
  describeAct,
  describeStatus,
  listedClause,
  nameOf,
  objectionClause,
  shortCityLabel,
  statusLabel,
  typeLabel,
  withDate,
} from '../src/core/describe.ts';
import { durationBetween } from '../src/core/describe-duration.ts';
import type { YesNoQuestion } from '../src/core/parse-command.ts';
import { answer, type Field, problem, type Row, type Span } from '../src/core/reply.ts';
import { anniversaryMilestone } from '../src/domain/anniversary.ts';
import type { Milestone, Partnership } from '../src/domain/partnership.ts';
import { type DerivedStatus, deriveStatus } from '../src/domain/status.ts';
import { tSpans } from '../src/i18n/spans.ts';
import type { Translator } from '../src/i18n/translator.ts';
import type { Catalog } from '../src/store/catalog.ts';

export const agreement = defineCommand({
  name: 'agreement',
  args: [
    { name: 'city', kind: 'city', required: true },
    { name: 'with', kind: 'city', required: true },
  ],
  examples: ['agreement Prague Shanghai', 'agreement san francisco osaka', 'agreement Paderborn / Le Mans'],
  permission: 'everyone',
  handler: ({ catalog, today, asks, focus, tr }, { city, with: other }) => {
    const p = catalog.partnershipBetween(city.id, other.id);
    const names = `${shortCityLabel(city, catalog, tr.lang)} – ${shortCityLabel(other, catalog, tr.lang)}`;
    if (!p) {
      return problem(tr.t(asks === 'in-force' ? 'agreement.noneInForce' : 'agreement.none', { names }), {
        suggestions: [`partners ${city.id}`, `partners ${other.id}`],
      });
    }
    const listed = listedClause(p, tr);
    if (listed !== undefined) return listedAnswer(p, names, listed, focus === 'since' ? 'since' : asks, tr);
    const derived = deriveStatus(p, today);
    const signing = p.milestones.find((m) => m.kind === 'signing');
    const from = anniversaryMilestone(p);
    const fields: Field[] = [
      { label: tr.t('agreement.type'), value: typeLabel(p.type, tr) },
      { label: tr.t('agreement.status'), value: describeStatus(derived, catalog, tr) },
      ...p.cities.map((id, index) => ({
        label: tr.t('agreement.side', { city: nameOf(id, catalog, tr) ?? id }),
        value: statusLabel(derived.sides[index] ?? 'none', tr),
      })),
      {
        label: tr.t('agreement.signed'),
        value: signing ? dateAndPlace(signing, tr) : tr.t('agreement.noSigning'),
      },
      ...(from && from !== signing
        ? [{ label: tr.t('agreement.countsFrom'), value: [{ date: from.date }] }]
        : []),
      ...(p.notes ? [{ label: tr.t('agreement.notes'), value: p.notes }] : []),
    ];
    return answer({
      title: names,
      ...(asks === 'in-force' && { text: inForceAnswer(derived, catalog, tr) }),
      ...(asks === 'ended-by-first' && { text: endedByAnswer(city.id, derived, catalog, tr) }),
      ...(asks === 'ended' && { text: endedAnswer(derived, catalog, tr) }),
      // "How many years ...?" is the question asked, so its answer leads whatever else was asked.
      ...(focus === 'since' && { text: sinceAnswer(p, derived, catalog, today, tr) }),
      fields,
      sections: [
        {
          heading: tr.t('agreement.timeline'),
          rows: p.milestones.map((m) => timelineRow(m, p, catalog, tr)),
        },
      ],
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
function listedAnswer(
  p: Partnership,
  names: string,
  listed: string,
  asks: YesNoQuestion | 'since' | undefined,
  tr: Translator,
) {
  const verdict: Span[] | undefined =
    asks === 'in-force'
      ? [tr.t('agreement.listedInForce', { listed })]
      : asks === 'ended-by-first' || asks === 'ended'
        ? [tr.t('agreement.listedEnded', { listed })]
        : asks === 'since'
          ? [tr.t('since.listed', { listed })]
          : undefined;
  return answer({
    title: names,
    ...(verdict && { text: verdict }),
    fields: [
      { label: tr.t('agreement.type'), value: typeLabel(p.type, tr) },
      { label: tr.t('agreement.status'), value: listed },
      { label: tr.t('agreement.signed'), value: tr.t('agreement.noDate') },
    ],
    footer: tr.t('agreement.listedFooter'),
    links: sourceLinks(p),
  });
}

/**
 * The answer to "is it still in force?" before the details: "No: Shanghai ended the partnership on
 * 14 January 2020.", "Yes: active since 13 January 2020.", "Disputed: ...".
 */
function inForceAnswer(derived: DerivedStatus, catalog: Catalog, tr: Translator): Span[] {
  const status = derived.status;
  if (status === 'active') return tSpans(tr, 'agreement.yes', { what: describeStatus(derived, catalog, tr) });
  if (status === 'disputed')
    return tSpans(tr, 'agreement.disputed', { what: disputedAct(derived, catalog, tr) });
  const ended = endedAct(derived.decisive, catalog, tr);
  if (ended) return tSpans(tr, 'agreement.no', { what: ended });
  const verdict =
    status === 'proposed' || status === 'approved' ? 'notYet' : status === 'none' ? 'unknown' : 'no';
  return tSpans(tr, `agreement.${verdict}`, { what: describeStatus(derived, catalog, tr) });
}

/**
 * The answer to "how long have they been partners?" before the details, counted from the date
 * anniversaries count from: "50 years, since 4 February 1975"; "In force for 43 years, from 1975
 * until Osaka ended the partnership on 2 October 2018"; what is not recorded is said to be unknown.
 */
function sinceAnswer(
  p: Partnership,
  derived: DerivedStatus,
  catalog: Catalog,
  today: Temporal.PlainDate,
  tr: Translator,
): Span[] {
  const from = anniversaryMilestone(p);
  const what = describeStatus(derived, catalog, tr);
  const { decisive } = derived;
  const ended = endedAct(decisive, catalog, tr);
  if (derived.status !== 'active' && !ended) return tSpans(tr, 'since.notInForce', { what });
  if (!from) return tSpans(tr, 'since.noDate', { what });
  const date = { date: from.date };
  if (derived.status === 'active') {
    const duration = durationBetween(from.date, today, tr);
    return duration === undefined
      ? tSpans(tr, 'since.notYet', { date })
      : tSpans(tr, 'since.inForce', { duration, date });
  }
  if (!ended) return tSpans(tr, 'since.notInForce', { what });
  const act = derived.status === 'disputed' ? disputedAct(derived, catalog, tr) : ended;
  const duration = decisive?.date === undefined ? undefined : durationBetween(from.date, decisive.date, tr);
  const key = derived.status === 'disputed' ? 'since.disputed' : 'since.ended';
  return duration === undefined
    ? tSpans(tr, `${key}HowLongUnknown`, { date, ended: act })
    : tSpans(tr, key, { duration, date, ended: act });
}

/**
 * The answer to "did X end it?" before the details: yes when X's own act ended (or suspended, or began
 * phasing out) the partnership, no with who did otherwise, and no with the status when nobody did.
 */
function endedByAnswer(askedAbout: string, derived: DerivedStatus, catalog: Catalog, tr: Translator): Span[] {
  const ended = endedAct(derived.decisive, catalog, tr);
  if (!ended || derived.decisive?.by === askedAbout) return endedAnswer(derived, catalog, tr);
  const asked = nameOf(askedAbout, catalog, tr) ?? askedAbout;
  const jointly = derived.decisive?.by === undefined;
  return jointly
    ? tSpans(tr, 'agreement.yesTogether', { what: ended })
    : tSpans(tr, 'agreement.noNotThem', { what: ended, city: asked });
}

/**
 * The answer to "did they break up?", "is it over?", before the details: whether it ended, whoever
 * ended it ("Yes: Shanghai ended the partnership on 14 January 2020."), else its status ("No: active
 * since ...").
 */
function endedAnswer(derived: DerivedStatus, catalog: Catalog, tr: Translator): Span[] {
  const ended = endedAct(derived.decisive, catalog, tr);
  if (!ended) return tSpans(tr, 'agreement.no', { what: describeStatus(derived, catalog, tr) });
  return derived.status === 'disputed'
    ? tSpans(tr, 'agreement.yesButDisputed', { what: disputedAct(derived, catalog, tr) })
    : tSpans(tr, 'agreement.yes', { what: ended });
}

/** "Osaka ended the partnership on 2 October 2018; San Francisco does not accept that" */
function disputedAct(derived: DerivedStatus, catalog: Catalog, tr: Translator): Span[] {
  const { decisive } = derived;
  const act =
    endedAct(decisive, catalog, tr) ??
    (decisive ? withDate(describeAct(decisive, catalog, tr), decisive, tr) : [tr.t('status.someoneActed')]);
  return [...act, objectionClause(derived, catalog, tr)];
}

/** The catalog keys of an ending act: with its actor, and without ("the partnership was ended"). */
const ENDINGS: Partial<Record<Milestone['kind'], { byActor: string; passive: string }>> = {
  termination: { byActor: 'agreement.endedBy', passive: 'agreement.ended' },
  suspension: { byActor: 'agreement.suspendedBy', passive: 'agreement.suspended' },
  phase_out: { byActor: 'agreement.phasingOutBy', passive: 'agreement.phasingOut' },
};

/** "Shanghai ended the partnership on 14 January 2020", or without an actor "the partnership was ended". */
function endedAct(m: Milestone | undefined, catalog: Catalog, tr: Translator): Span[] | undefined {
  const ending = m && ENDINGS[m.kind];
  if (!m || !ending) return undefined;
  const actor = m.by ? nameOf(m.by, catalog, tr) : undefined;
  return withDate(actor ? tr.t(ending.byActor, { actor }) : tr.t(ending.passive), m, tr);
}

function dateAndPlace(m: Milestone, tr: Translator): Span[] {
  return [
    m.date ? { date: m.date } : tr.t('agreement.dateUnknown'),
    m.place ? tr.t('agreement.inPlace', { place: m.place }) : '',
  ];
}

/** "14 January 2020 — terminated by Shanghai: reason [1]" */
function timelineRow(m: Milestone, p: Partnership, catalog: Catalog, tr: Translator): Row {
  const refs = m.sources.map((id) => `[${p.sources.findIndex((s) => s.id === id) + 1}]`).join('');
  const details = [m.reason, m.note].filter((text) => text !== undefined).join(' ');
  return {
    text: [...dateAndPlace(m, tr), ` — ${describeAct(m, catalog, tr)}`, refs ? ` ${refs}` : ''],
    ...(details && { detail: details }),
  };
}
