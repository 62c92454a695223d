import { shortCityLabel, typeLabel } from '../core/describe.ts';
import { answer, type Reply, type Span } from '../core/reply.ts';
import { anniversaryDate, type FoundAnniversary } from '../domain/anniversary.ts';
import { tSpans } from '../i18n/spans.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import { monthName } from '../render/dates.ts';
import type { Catalog } from '../store/catalog.ts';
import type { DueReminder } from './due.ts';

/**
 * The post for one reminder, in the language of `tr` (English by default). Milestone years get a
 * celebratory title; disputed partnerships are labelled so; a late post says when it was due. The
 * reply carries its language, so the renderers write its dates in it too.
 */
export function reminderMessage(
  reminder: DueReminder,
  catalog: Catalog,
  late?: { due: string },
  tr: Translator = translator('en'),
): Reply {
  const lateNote: Span[] = late ? [' ', ...tSpans(tr, 'remind.late', { date: { date: late.due } })] : [];
  const lang = tr.lang === 'en' ? {} : { lang: tr.lang };
  if (reminder.kind === 'digest') {
    return answer({
      title: tr.t('remind.digestTitle', { year: String(reminder.year) }),
      text: [tr.t('remind.digestText', { count: reminder.anniversaries.length }), ...lateNote],
      sections: [
        {
          rows: reminder.anniversaries.map((a) => ({
            text: `${headline(a, catalog, tr)}${disputed(a, tr)}`,
          })),
        },
      ],
      ...lang,
    });
  }
  const a = reminder.anniversary;
  const celebrate = a.milestoneYear ? '🎉 ' : '';
  const nth = anniversaryWords(a, tr);
  const when: Span[] =
    reminder.lead === 'month'
      ? [tr.t('remind.thisMonth', { anniversary: nth, month: monthName(a.month ?? 1, tr.lang) })]
      : reminder.lead === 0
        ? [tr.t('remind.today', { anniversary: nth })]
        : tSpans(tr, 'remind.inDays', {
            anniversary: nth,
            count: reminder.lead,
            date: { date: anniversaryDate(a) },
          });
  return answer({
    title: `${celebrate}${headline(a, catalog, tr)}`,
    text: [...when, disputed(a, tr), ...lateNote],
    fields: [
      { label: tr.t('agreement.type'), value: typeLabel(a.partnership.type, tr) },
      { label: tr.t('remind.countedFrom'), value: [{ date: a.from.date }] },
    ],
    footer: tSpans(tr, 'remind.fullStory', {
      command: { command: `agreement ${a.partnership.cities[0]} ${a.partnership.cities[1]}` },
    }),
    ...lang,
  });
}

/** "60th anniversary", "60. Jahrestag", "60周年": the language's own ordinal form. */
function anniversaryWords(a: FoundAnniversary, tr: Translator): string {
  return tr.t('remind.anniversary', { count: a.number, ordinal: true });
}

function headline(a: FoundAnniversary, catalog: Catalog, tr: Translator): string {
  const pair = a.partnership.cities.map((id) => {
    const city = catalog.city(id);
    return city ? shortCityLabel(city, catalog, tr.lang) : id;
  });
  return tr.t(a.milestoneYear ? 'remind.headlineMilestone' : 'remind.headline', {
    anniversary: anniversaryWords(a, tr),
    pair: pair.join(' – '),
  });
}

function disputed(a: FoundAnniversary, tr: Translator): string {
  return a.status === 'disputed' ? ` ${tr.t('remind.disputed')}` : '';
}
