import { defineCommand } from '../src/core/command.ts';
import { cityLabelIn, listedBy, shortCityLabel, statusLabel } from '../src/core/describe.ts';
import { PAGE_ROWS } from '../src/core/paging.ts';
import { partnerOrder, type Standing, standingOf } from '../src/core/partner-order.ts';
import { answer, type Row } from '../src/core/reply.ts';
import { countryName } from '../src/domain/country.ts';
import type { Partnership } from '../src/domain/partnership.ts';
import { deriveStatus } from '../src/domain/status.ts';
import { intlLocale, type Lang } from '../src/i18n/languages.ts';
import { remembering } from '../src/i18n/remembering.ts';
import { tSpans } from '../src/i18n/spans.ts';
import { listFormat } from '../src/i18n/translator.ts';

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
    const { partnerships, order, ranks, others } = partnerOrder(catalog, city, tr.lang, today);
    const counts = new Map<Standing, number>();
    for (let at = 0; at < ranks.length; at++) {
      const standing = standingOf(ranks[at] as number);
      counts.set(standing, (counts.get(standing) ?? 0) + 1);
    }
    // "Tell me about X" names the first page of partners, as `partners X` lists them; the rest wait for that command.
    const words = remembering(tr);
    const rows: Row[] = [];
    let named = 0;
    for (let at = 0; at < others.length; at++) {
      const other = others[at];
      if (!other) continue;
      named++;
      if (rows.length === PAGE_ROWS) continue;
      const p = partnerships[order[at] as number] as Partnership;
      const listed = listedBy(p, words);
      rows.push({
        text: shortCityLabel(other, catalog, tr.lang),
        detail: listed ?? statusLabel(deriveStatus(p, today).status, words),
      });
    }
    if (named > rows.length)
      rows.push({
        text: tSpans(tr, 'cityPartners.more', {
          count: named - rows.length,
          command: { command: `partners ${city.id} page 2` },
        }),
      });
    // The narrow style lists items with commas where a language allows ("1 active, 1 terminated", "有効1件、終了1件").
    const list = listFormat(tr.lang, 'conjunction', 'narrow');
    const partnerCounts = list.format(
      [...counts].map(([standing, count]) =>
        standing === 'listed'
          ? tr.t('city.listedCount', { count })
          : tr.t('city.statusCount', { count, status: statusLabel(standing, tr) }),
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
      ...(rows.length > 0 && { sections: [{ heading: tr.t('cityPartners.heading'), rows }] }),
      footer: tSpans(tr, 'city.footer', { id: city.id, command: { command: `partners ${city.id}` } }),
    });
  },
});
