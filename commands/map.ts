import { defineCommand } from '../src/core/command.ts';
import { listedBy, shortCityLabel } from '../src/core/describe.ts';
import type { MapPlace, PartnerMap, TieStyle } from '../src/core/figure.ts';
import { partnerOf } from '../src/core/partner-order.ts';
import { answer, type Field, problem, type Section } from '../src/core/reply.ts';
import type { City } from '../src/domain/city.ts';
import type { Partnership } from '../src/domain/partnership.ts';
import { deriveStatus } from '../src/domain/status.ts';
import { cityName } from '../src/i18n/city-name.ts';
import { intlLocale, type Lang } from '../src/i18n/languages.ts';
import { formatList, nameCollator } from '../src/i18n/translator.ts';
import type { Catalog } from '../src/store/catalog.ts';

/** The order the text answer and the legend list the kinds of tie in: what holds first, what ended last. */
export const TIE_STYLES: readonly TieStyle[] = [
  'in-force',
  'phasing-out',
  'planned',
  'suspended',
  'disputed',
  'ended-by-city',
  'ended-by-partner',
  'ended',
  'listed',
];

export const map = defineCommand({
  name: 'map',
  args: [{ name: 'city', kind: 'city', required: false }],
  examples: ['map Prague', 'map san francisco', 'map'],
  permission: 'everyone',
  handler: ({ catalog, today, tr }, args) => {
    const homeId = catalog.data.settings.homeCity;
    const city = args.city ?? (homeId === undefined ? undefined : catalog.city(homeId));
    if (!city) return problem(tr.t('map.noCity'));
    const label = shortCityLabel(city, catalog, tr.lang);
    const byName = nameCollator(tr.lang);
    const partners = catalog
      .partnershipsOf(city.id)
      .flatMap((p) => {
        const other = partnerOf(p, city, catalog);
        if (!other) return [];
        return [{ city: other, name: cityName(other, tr.lang), style: tieStyle(p, city.id, today) }];
      })
      .sort(
        (x, y) => TIE_STYLES.indexOf(x.style) - TIE_STYLES.indexOf(y.style) || byName.compare(x.name, y.name),
      );
    const title = tr.t('map.title', { city: label });
    if (partners.length === 0) return answer({ title, text: tr.t('map.none', { city: label }) });

    const used = TIE_STYLES.filter((style) => partners.some((p) => p.style === style));
    const number = new Intl.NumberFormat(intlLocale(tr.lang));
    const styleLabel = (style: TieStyle) => tr.t(`map.style.${style}`, { city: label });
    const fields: Field[] = used.map((style) => ({
      label: styleLabel(style),
      value: number.format(partners.filter((p) => p.style === style).length),
    }));
    const sections: Section[] = used.map((style) => ({
      heading: styleLabel(style),
      rows: partners
        .filter((p) => p.style === style)
        .map((p) => ({ text: shortCityLabel(p.city, catalog, tr.lang) })),
    }));
    const here = place(city, catalog, tr.lang);
    const placed = partners.flatMap((p) => {
      const where = place(p.city, catalog, tr.lang);
      return where ? [{ partner: where, style: p.style }] : [];
    });
    const unplaced = partners
      .filter((p) => !coordinatesOf(p.city, catalog))
      .map((p) => shortCityLabel(p.city, catalog, tr.lang));
    const sentences = [tr.t('map.total', { count: partners.length, city: label })];
    if (!here) sentences.push(tr.t('map.cityUnplaced', { city: label }));
    else if (unplaced.length > 0)
      sentences.push(tr.t('map.unplaced', { count: unplaced.length, names: formatList(unplaced, tr.lang) }));
    const figure: PartnerMap | undefined =
      here && placed.length > 0 ? { kind: 'map', city: here, ties: placed, unplaced } : undefined;
    return answer({
      title,
      text: sentences.join(' '),
      fields,
      sections,
      ...(figure && { figure }),
      ...(here && placed.length === 0 && { footer: tr.t('map.nothingPlaced') }),
    });
  },
});

/**
 * How the map draws a tie (see TieStyle): a pair known only from a list, or with no act that sets a
 * status (a historic tie alone), is `listed`; an ending says whose side ended it when one side did.
 */
export function tieStyle(
  p: Partnership,
  cityId: string,
  today: { year: number; month: number; day: number },
): TieStyle {
  if (listedBy(p) !== undefined || p.milestones.length === 0) return 'listed';
  const derived = deriveStatus(p, today);
  switch (derived.status) {
    case 'active':
      return 'in-force';
    case 'phasing_out':
      return 'phasing-out';
    case 'proposed':
    case 'approved':
      return 'planned';
    case 'suspended':
      return 'suspended';
    case 'disputed':
      return 'disputed';
    case 'terminated': {
      const by = derived.decisive?.by;
      return by === undefined ? 'ended' : by === cityId ? 'ended-by-city' : 'ended-by-partner';
    }
    case 'rejected':
      return 'ended';
    case 'none':
      return 'listed';
  }
}

/**
 * Where a city lies: its own record's coordinates, else those of the world layer's record for it
 * (the same id, or the world city an office city takes the place of).
 */
function coordinatesOf(city: City, catalog: Catalog): { lat: number; lon: number } | undefined {
  if (city.coordinates) return city.coordinates;
  const world = catalog.world;
  if (!world) return undefined;
  for (const id of [city.id, ...catalog.worldTwinIds(city.id)]) {
    const found = world.city(id)?.coordinates;
    if (found) return found;
  }
  return undefined;
}

function place(city: City, catalog: Catalog, lang: Lang): MapPlace | undefined {
  const where = coordinatesOf(city, catalog);
  return where && { id: city.id, name: cityName(city, lang), lat: where.lat, lon: where.lon };
}
