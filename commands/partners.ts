import { defineCommand } from '../src/core/command.ts';
import { describeStatus, listedClause, shortCityLabel, typeLabel } from '../src/core/describe.ts';
import { answer, problem, type Row } from '../src/core/reply.ts';
import { anniversaryMilestone } from '../src/domain/anniversary.ts';
import { deriveStatus, STATUSES, type Status } from '../src/domain/status.ts';
import { cityName } from '../src/i18n/city-name.ts';
import { intlLocale, type Lang } from '../src/i18n/languages.ts';
import { tSpans } from '../src/i18n/spans.ts';

/** One collator per language for every answer (`localeCompare` builds one on each call): names sort as the reader's language sorts them. */
const collators = new Map<Lang, Intl.Collator>();

function collator(lang: Lang): Intl.Collator {
  let found = collators.get(lang);
  if (!found) {
    found = new Intl.Collator(intlLocale(lang));
    collators.set(lang, found);
  }
  return found;
}

export const partners = defineCommand({
  name: 'partners',
  args: [
    { name: 'city', kind: 'city', required: false },
    { name: 'country', kind: 'country', required: false, keyword: 'in' },
  ],
  examples: [
    'partners Prague',
    'partners kitakami',
    'partners',
    'partners Buffalo in PL',
    'partners Praha in Polsko',
  ],
  permission: 'everyone',
  handler: ({ catalog, today, tr }, args) => {
    const homeId = catalog.data.settings.homeCity;
    const city = args.city ?? (homeId === undefined ? undefined : catalog.city(homeId));
    if (!city) return problem(tr.t('partners.noCity'));
    const rows = catalog.partnershipsOf(city.id).map((p) => {
      const other = catalog.city(p.cities[0] === city.id ? p.cities[1] : p.cities[0]);
      const otherLabel = other ? shortCityLabel(other, catalog, tr.lang) : '?';
      const name = other ? cityName(other, tr.lang) : '';
      const listed = listedClause(p, tr);
      // Only listed, never dated: no status and no "since" to tell, and no type when none is recorded.
      if (listed !== undefined) {
        const row: Row = {
          text: p.type
            ? tr.t('common.withNote', { text: otherLabel, note: typeLabel(p.type, tr) })
            : otherLabel,
          detail: listed,
        };
        return { row, order: STATUSES.length, name, listed: true };
      }
      const derived = deriveStatus(p, today);
      const established = anniversaryMilestone(p);
      const status = describeStatus(derived, catalog, tr);
      // "active since 13 January 2020" already says since when, so the date is not said twice.
      const saysSince = derived.status === 'active' && derived.decisive === established;
      const row: Row = {
        text: tr.t('common.withNote', { text: otherLabel, note: typeLabel(p.type, tr) }),
        detail: saysSince
          ? status
          : established
            ? tSpans(tr, 'partners.since', { status, date: { date: established.date } })
            : tSpans(tr, 'partners.sinceUnknown', { status }),
      };
      return {
        row,
        order: STATUSES.indexOf(derived.status as Status),
        name,
        listed: false,
      };
    });
    const byName = collator(tr.lang);
    rows.sort((x, y) => x.order - y.order || byName.compare(x.name, y.name));
    const listed = rows.filter((r) => r.listed).length;
    return answer({
      title: tr.t('partners.title', { city: shortCityLabel(city, catalog, tr.lang) }),
      text:
        rows.length === 0
          ? tr.t('partners.none')
          : listed === 0
            ? tr.t('partners.recorded', { count: rows.length })
            : tr.t('partners.recordedListed', { count: rows.length, listed }),
      sections: [{ rows: rows.map((r) => r.row) }],
    });
  },
});
