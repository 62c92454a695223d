import { defineCommand } from '../src/core/command.ts';
import { cityLabelIn, listedBy, shortCityLabel, statusLabel } from '../src/core/describe.ts';
import { answer, type Row } from '../src/core/reply.ts';
import { countryName } from '../src/domain/country.ts';
import { deriveStatus, STATUSES, type Status } from '../src/domain/status.ts';
import { cityName } from '../src/i18n/city-name.ts';
import { intlLocale, type Lang } from '../src/i18n/languages.ts';
import { remembering } from '../src/i18n/remembering.ts';
import { tSpans } from '../src/i18n/spans.ts';
import { listFormat, nameCollator } from '../src/i18n/translator.ts';

const displayNames = new Map<Lang, Intl.DisplayNames>();

/** "Czech", "Tschechisch", "čeština", "チェコ語": a name's language as the reader calls it; an unknown tag shows as typed. */
function languageNames(lang: Lang): Intl.DisplayNames {
  let found = displayNames.get(lang);
  if (!found) {
    found = new Intl.DisplayNames([intlLocale(lang)], { type: 'language' });
    displayNames.set(lang, found);
  }
  return found;
}

export const city = defineCommand({
  name: 'city',
  args: [{ name: 'city', kind: 'city', required: true }],
  examples: ['city Prague', 'city rzeszow', 'city 北上市'],
  permission: 'everyone',
  handler: ({ catalog, today, tr }, { city }) => {
    const counts = new Map<string, number>();
    const partners: { row: Row; order: number; name: string }[] = [];
    // A hub's thousands of rows repeat a few statuses: each is translated once per answer.
    const words = remembering(tr);
    for (const p of catalog.partnershipsOf(city.id)) {
      const listed = listedBy(p, words);
      const status = listed ? 'listed' : deriveStatus(p, today).status;
      counts.set(status, (counts.get(status) ?? 0) + 1);
      const other = catalog.city(p.cities[0] === city.id ? p.cities[1] : p.cities[0]);
      if (!other) continue;
      partners.push({
        row: {
          text: shortCityLabel(other, catalog, tr.lang),
          detail: listed ?? statusLabel(status as Status | 'none', words),
        },
        order: status === 'listed' ? STATUSES.length : STATUSES.indexOf(status as Status),
        name: cityName(other, tr.lang),
      });
    }
    const byName = nameCollator(tr.lang);
    partners.sort((x, y) => x.order - y.order || byName.compare(x.name, y.name));
    // The narrow style lists items with commas where a language allows ("1 active, 1 terminated", "有効1件、終了1件").
    const list = listFormat(tr.lang, 'conjunction', 'narrow');
    const partnerCounts = list.format(
      [...counts].map(([status, count]) =>
        status === 'listed'
          ? tr.t('city.listedCount', { count })
          : tr.t('city.statusCount', { count, status: statusLabel(status as 'active', tr) }),
      ),
    );
    const languages = languageNames(tr.lang);
    const names = list.format(
      city.names.map((n) =>
        n.lang ? tr.t('common.withNote', { text: n.name, note: languages.of(n.lang) ?? n.lang }) : n.name,
      ),
    );
    const notRecorded = tr.t('city.notRecorded');
    return answer({
      title: cityLabelIn(city, tr.lang),
      fields: [
        { label: tr.t('city.names'), value: names || tr.t('city.noNames') },
        {
          label: tr.t('city.country'),
          value: tr.t('common.withNote', { text: countryName(city.country, tr.lang), note: city.country }),
        },
        { label: tr.t('city.region'), value: city.region ?? notRecorded },
        { label: tr.t('city.timeZone'), value: city.timeZone ?? notRecorded },
        { label: tr.t('city.partners'), value: partnerCounts || tr.t('city.noPartners') },
        ...(city.wikidata ? [{ label: 'Wikidata', value: city.wikidata }] : []),
      ],
      // "Tell me about X" wants the partners by name; a long list is paged by the renderers, never cut.
      ...(partners.length > 0 && {
        sections: [{ heading: tr.t('cityPartners.heading'), rows: partners.map((p) => p.row) }],
      }),
      footer: tSpans(tr, 'city.footer', { id: city.id, command: { command: `partners ${city.id}` } }),
    });
  },
});
