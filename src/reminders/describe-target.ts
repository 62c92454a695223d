import type { ReminderTarget } from '../domain/reminder.ts';
import { cityName } from '../i18n/city-name.ts';
import { languageName } from '../i18n/language-name.ts';
import { formatList, type Translator, translator } from '../i18n/translator.ts';
import type { Catalog } from '../store/catalog.ts';

/** "09:00 Europe/Prague, 30 and 7 days ahead and on the day, for Prague's partnerships", in `tr`'s language. */
export function describeTarget(
  target: ReminderTarget,
  catalog: Catalog,
  tr: Translator = translator('en'),
): string {
  const ahead = target.leads.filter((lead) => lead > 0);
  const leads = [
    // Several numbers take the plural of the largest: "30 and 1 days ahead".
    ...(ahead.length > 0
      ? [
          tr.t('remind.daysAhead', {
            days: formatList(ahead.map(String), tr.lang),
            count: Math.max(...ahead),
          }),
        ]
      : []),
    ...(target.leads.includes(0) ? [tr.t('remind.onTheDay')] : []),
  ];
  const city = target.filter?.city === undefined ? undefined : catalog.city(target.filter.city);
  const listed = target.filter?.partnerships?.length;
  const scope = city
    ? tr.t('remind.scopeCity', { city: cityName(city, tr.lang) })
    : listed
      ? tr.t('remind.scopeChosen', { count: listed })
      : tr.t('remind.scopeAll');
  const described = tr.t('remind.target', {
    time: target.postAt,
    zone: target.timeZone,
    leads: formatList(leads, tr.lang),
    scope,
  });
  return target.lang
    ? tr.t('remind.targetInLanguage', { target: described, language: languageName(target.lang, tr.lang) })
    : described;
}
