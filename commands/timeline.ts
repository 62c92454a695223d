import { defineCommand } from '../src/core/command.ts';
import { describeAct, listedClause, shortCityLabel } from '../src/core/describe.ts';
import type { AgreementTimeline } from '../src/core/figure.ts';
import { answer, problem, type Row, type Span } from '../src/core/reply.ts';
import type { FuzzyDate } from '../src/domain/fuzzy-date.ts';
import type { Milestone, Partnership } from '../src/domain/partnership.ts';
import { cityName } from '../src/i18n/city-name.ts';
import type { Translator } from '../src/i18n/translator.ts';
import type { Catalog } from '../src/store/catalog.ts';

export const timeline = defineCommand({
  name: 'timeline',
  args: [
    { name: 'city', kind: 'city', required: true },
    { name: 'with', kind: 'city', required: true },
  ],
  examples: ['timeline San Francisco Osaka', 'timeline Prague Shanghai', 'timeline Paderborn / Le Mans'],
  permission: 'everyone',
  handler: ({ catalog, today, tr }, { city, with: other }) => {
    const p = catalog.partnershipBetween(city.id, other.id);
    const names = `${shortCityLabel(city, catalog, tr.lang)} – ${shortCityLabel(other, catalog, tr.lang)}`;
    if (!p) {
      return problem(tr.t('timeline.none', { names }), {
        suggestions: [`partners ${city.id}`, `partners ${other.id}`],
      });
    }
    const title = tr.t('timeline.title', { names });
    const listed = listedClause(p, tr);
    if (listed !== undefined || p.milestones.length === 0) {
      const text = listed === undefined ? tr.t('timeline.noMilestones') : tr.t('timeline.listed', { listed });
      return answer({ title, text });
    }
    const dated = p.milestones.filter((m): m is Milestone & { date: FuzzyDate } => m.date !== undefined);
    const undated = p.milestones.length - dated.length;
    const figure: AgreementTimeline | undefined =
      dated.length > 0
        ? {
            kind: 'timeline',
            cities: p.cities.map((id) => nameIn(id, catalog, tr)) as [string, string],
            milestones: dated.map((m) => ({ kind: m.kind, date: m.date, ...sideOf(m, p) })),
            today: today.toString(),
          }
        : undefined;
    return answer({
      title,
      text: [
        tr.t('timeline.count', { count: p.milestones.length }),
        ...(undated > 0 ? [' ', tr.t('timeline.undated', { count: undated })] : []),
      ],
      sections: [{ rows: p.milestones.map((m) => row(m, catalog, tr)) }],
      ...(figure && { figure }),
    });
  },
});

/** The city that acted alone, as an index into the partnership's cities; none for a joint act. */
function sideOf(m: Milestone, p: Partnership): { side?: 0 | 1 } {
  const index = m.by === undefined ? -1 : p.cities.indexOf(m.by);
  return index === 0 || index === 1 ? { side: index } : {};
}

function nameIn(id: string, catalog: Catalog, tr: Translator): string {
  const city = catalog.city(id);
  return city ? cityName(city, tr.lang) : id;
}

/** "2 October 2018 — terminated by Osaka", "date unknown — signed": as precise as the record, never more. */
function row(m: Milestone, catalog: Catalog, tr: Translator): Row {
  const when: Span = m.date ? { date: m.date } : tr.t('agreement.dateUnknown');
  return { text: [when, ` — ${describeAct(m, catalog, tr)}`] };
}
