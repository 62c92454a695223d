import type { City } from '../domain/city.ts';
import { cityName } from '../i18n/city-name.ts';
import { intlLocale, type Lang } from '../i18n/languages.ts';

/**
 * "Skövde, Schweden", "Concord, California, 美国": a city named in the reader's language with its
 * region and country, enough to tell same-named cities apart in a reply about a change.
 */
export function cityLabelIn(city: City, lang: Lang): string {
  const country = new Intl.DisplayNames([intlLocale(lang)], { type: 'region' }).of(city.country);
  return [cityName(city, lang), city.region, country].filter((part) => part !== undefined).join(', ');
}
