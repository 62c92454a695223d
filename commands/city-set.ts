import countries from 'i18n-iso-countries/index.js';
import { editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { cityLabel } from '../src/core/describe.ts';
import { answer, problem, type Reply, type RichText } from '../src/core/reply.ts';
import { CITY_FIELDS } from '../src/domain/change.ts';
import { TimeZoneSchema } from '../src/domain/city.ts';
import { countryName, toCountryCode } from '../src/domain/country.ts';
import { foldName, NAME_LIMIT } from '../src/domain/names.ts';
import { cityName } from '../src/i18n/city-name.ts';
import { intlLocale, type Lang } from '../src/i18n/languages.ts';
import { tSpans } from '../src/i18n/spans.ts';
import type { Translator } from '../src/i18n/translator.ts';

type CityField = (typeof CITY_FIELDS)[number];
const PROPERTY = { tz: 'timeZone', region: 'region', country: 'country' } as const;
const LABEL = { tz: 'time zone', region: 'region', country: 'country' } as const;
/** Clears a field that may be left unknown. */
const CLEAR = 'none';

export const citySet = defineCommand({
  name: 'city set',
  args: [
    { name: 'city', kind: 'city', required: true },
    {
      name: 'field',
      kind: 'choice',
      choices: CITY_FIELDS,
      synonyms: { timezone: 'tz', time_zone: 'tz', zone: 'tz', state: 'region', province: 'region' },
      required: true,
    },
    {
      name: 'value',
      kind: 'text',
      required: true,
      maxLength: 200,
    },
  ],
  examples: [
    'city set Kitakami tz Asia/Tokyo',
    'city set Concord, California region California',
    'city set Prague country CZ',
  ],
  permission: 'staff',
  handler: async ({ store, caller, tr }, { city, field, value }) => {
    const parsed = readValue(field, value, tr);
    if ('reply' in parsed) return parsed.reply;
    const property = PROPERTY[field];
    // The history's words stay the office's English record (see undo for how other readers see them).
    const english =
      parsed.value === undefined
        ? 'not recorded'
        : field === 'country'
          ? countryName(parsed.value)
          : parsed.value;
    const changed = await store.edit(editorOf(caller), (_draft, _editor, office) => {
      const target = office.city(city.id);
      if (!target || target[property] === parsed.value) return { unchanged: true, result: false };
      const before = target[property];
      if (parsed.value === undefined) delete target[property];
      else target[property] = parsed.value;
      return {
        action: 'city set',
        summary: `Set ${cityLabel(city)}'s ${LABEL[field]} to ${english}${before === undefined ? '' : ` (was ${before})`}`,
        change: {
          key: 'citySet',
          values: {
            city: city.id,
            field,
            ...(parsed.value !== undefined && { value: parsed.value }),
            ...(before !== undefined && { before }),
          },
        },
        target: city.id,
        touched: [{ record: 'city', id: city.id }],
        result: true,
      };
    });
    const values = { city: cityName(city, tr.lang), value: shownValue(field, parsed.value, tr) };
    return changed
      ? answer({ text: tr.t(`edit.citySet.now.${field}`, values) })
      : problem(tr.t(`edit.citySet.already.${field}`, values));
  },
});

/** The value as the reader reads it: a country by its name in their language, nothing as "not recorded". */
function shownValue(field: CityField, value: string | undefined, tr: Translator): string {
  if (value === undefined) return tr.t('edit.citySet.notRecorded');
  if (field !== 'country') return value;
  return new Intl.DisplayNames([intlLocale(tr.lang)], { type: 'region' }).of(value) ?? value;
}

function readValue(
  field: CityField,
  value: string,
  tr: Translator,
): { value: string | undefined } | { reply: Reply } {
  const clear = value.toLowerCase() === CLEAR;
  const refuse = (text: RichText) => ({ reply: problem(text, { field: 'value' }) });
  switch (field) {
    case 'tz': {
      if (clear) return { value: undefined };
      const zone = TimeZoneSchema.safeParse(value);
      return zone.success ? { value: zone.data } : refuse(tr.t('edit.citySet.badZone', { value }));
    }
    case 'region': {
      if (clear) return { value: undefined };
      const wrong = regionProblem(value);
      return wrong
        ? refuse(
            tSpans(tr, `edit.citySet.${wrong}`, {
              value,
              length: value.length,
              limit: NAME_LIMIT,
              clear: { command: CLEAR },
            }),
          )
        : { value };
    }
    case 'country': {
      const code = toCountryCode(value) ?? countryNamedIn(value, tr.lang);
      return code ? { value: code } : refuse(tr.t('edit.citySet.badCountry', { value }));
    }
  }
}

/** Why a region's name cannot be stored: the catalog key of the refusal, or undefined when it can. */
function regionProblem(value: string): 'regionEmpty' | 'regionTooLong' | 'regionNoLetters' | undefined {
  if (value === '') return 'regionEmpty';
  if (value.length > NAME_LIMIT) return 'regionTooLong';
  if (foldName(value) === '') return 'regionNoLetters';
  return undefined;
}

const countriesByName = new Map<Lang, ReadonlyMap<string, string>>();

/** The country a reader names in their own language ("Tschechien", "チェコ"), by Intl's names for each ISO code. */
function countryNamedIn(value: string, lang: Lang): string | undefined {
  let byName = countriesByName.get(lang);
  if (!byName) {
    const names = new Intl.DisplayNames([intlLocale(lang)], { type: 'region' });
    byName = new Map(
      Object.keys(countries.getAlpha2Codes()).flatMap((code) => {
        const name = names.of(code);
        return name === undefined || name === code ? [] : [[foldName(name), code] as const];
      }),
    );
    countriesByName.set(lang, byName);
  }
  return byName.get(foldName(value));
}
