import { defineCommand } from '../src/core/command.ts';
import { describeStatus, listedClause, shortCityLabel, typeLabel } from '../src/core/describe.ts';
import { answer, problem, type Row } from '../src/core/reply.ts';
import { anniversaryMilestone } from '../src/domain/anniversary.ts';
import { countryName } from '../src/domain/country.ts';
import type { Partnership } from '../src/domain/partnership.ts';
import { deriveStatus, isCelebrated, STATUSES, type Status } from '../src/domain/status.ts';
import { cityName } from '../src/i18n/city-name.ts';
import { remembering, sentenceWithHole } from '../src/i18n/remembering.ts';
import { tSpans } from '../src/i18n/spans.ts';
import { formatList, nameCollator, type Translator } from '../src/i18n/translator.ts';

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
  handler: ({ catalog, today, tr, asks }, args) => {
    const homeId = catalog.data.settings.homeCity;
    const city = args.city ?? (homeId === undefined ? undefined : catalog.city(homeId));
    if (!city) return problem(tr.t('partners.noCity'));
    const { country } = args;
    const partnerOf = (p: Partnership) => catalog.city(p.cities[0] === city.id ? p.cities[1] : p.cities[0]);
    const partnerships = catalog
      .partnershipsOf(city.id)
      .filter((p) => country === undefined || partnerOf(p)?.country === country);
    // A hub's thousands of rows repeat a few types and sentences: each is translated once per answer.
    const words = remembering(tr);
    const withType = new Map<string, (label: string) => string>();
    const labelWithType = (label: string, type: Partnership['type']) => {
      const note = typeLabel(type, words);
      let sentence = withType.get(note);
      if (!sentence) {
        sentence = sentenceWithHole(words, 'common.withNote', 'text', { note });
        withType.set(note, sentence);
      }
      return sentence(label);
    };
    const rows = partnerships.map((p) => {
      const other = partnerOf(p);
      const otherLabel = other ? shortCityLabel(other, catalog, tr.lang) : '?';
      const name = other ? cityName(other, tr.lang) : '';
      const listed = listedClause(p, words);
      // Only listed, never dated: no status and no "since" to tell, and no type when none is recorded.
      if (listed !== undefined) {
        const row: Row = { text: p.type ? labelWithType(otherLabel, p.type) : otherLabel, detail: listed };
        return { row, order: STATUSES.length, name, listed: true, inForce: true };
      }
      const derived = deriveStatus(p, today);
      const established = anniversaryMilestone(p);
      const status = describeStatus(derived, catalog, words);
      // "active since 13 January 2020" already says since when, so the date is not said twice.
      const saysSince = derived.status === 'active' && derived.decisive === established;
      const row: Row = {
        text: labelWithType(otherLabel, p.type),
        detail: saysSince
          ? status
          : established
            ? tSpans(words, 'partners.since', { status, date: { date: established.date } })
            : tSpans(words, 'partners.sinceUnknown', { status }),
      };
      return {
        row,
        order: STATUSES.indexOf(derived.status as Status),
        name,
        listed: false,
        inForce: isCelebrated(derived.status),
      };
    });
    const byName = nameCollator(tr.lang);
    rows.sort((x, y) => x.order - y.order || byName.compare(x.name, y.name));
    const listed = rows.filter((r) => r.listed).length;
    const sections = [{ rows: rows.map((r) => r.row) }];
    const label = shortCityLabel(city, catalog, tr.lang);
    if (country !== undefined) {
      const inForce = rows.filter((r) => r.inForce).map((r) => r.name);
      return answer({
        title: tr.t('partnersIn.title', { city: label, country: countryName(country, tr.lang) }),
        text: inCountry(label, country, rows.length, inForce, asks === 'any', tr),
        sections,
      });
    }
    return answer({
      title: tr.t('partners.title', { city: label }),
      text:
        rows.length === 0
          ? tr.t('partners.none')
          : listed === 0
            ? tr.t('partners.recorded', { count: rows.length })
            : tr.t('partners.recordedListed', { count: rows.length, listed }),
      sections,
    });
  },
});

/** Up to this many partners are named in the sentence itself; the rows below always list them all. */
const NAMED_IN_SENTENCE = 5;

/**
 * "Paderborn has 1 partner in France: Le Mans."; asked "does it have one?", the answer opens with
 * Yes or No, and only partnerships in force (or listed by the public lists) make a Yes.
 */
function inCountry(
  city: string,
  code: string,
  count: number,
  inForce: readonly string[],
  yesNo: boolean,
  tr: Translator,
): string {
  const country = countryName(code, tr.lang);
  const sentence =
    inForce.length === 0
      ? count === 0
        ? tr.t('partnersIn.none', { city, country })
        : tr.t('partnersIn.noneInForce', { city, country, count })
      : inForce.length <= NAMED_IN_SENTENCE
        ? tr.t('partnersIn.named', {
            city,
            country,
            count: inForce.length,
            names: formatList(inForce, tr.lang),
          })
        : tr.t('partnersIn.counted', { city, country, count: inForce.length });
  if (!yesNo) return sentence;
  return tr.t(inForce.length > 0 ? 'partnersIn.yes' : 'partnersIn.no', { sentence });
}
