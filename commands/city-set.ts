import { editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { cityLabel } from '../src/core/describe.ts';
import { answer, problem, type Reply } from '../src/core/reply.ts';
import { TimeZoneSchema } from '../src/domain/city.ts';
import { countryName, toCountryCode } from '../src/domain/country.ts';
import { nameProblem } from '../src/domain/names.ts';

const FIELDS = ['tz', 'region', 'country'] as const;
type CityField = (typeof FIELDS)[number];
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
      choices: FIELDS,
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
  handler: async ({ store, caller }, { city, field, value }) => {
    const parsed = readValue(field, value);
    if ('reply' in parsed) return parsed.reply;
    const property = PROPERTY[field];
    const shown =
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
        summary: `Set ${cityLabel(city)}'s ${LABEL[field]} to ${shown}${before === undefined ? '' : ` (was ${before})`}`,
        target: city.id,
        touched: [{ record: 'city', id: city.id }],
        result: true,
      };
    });
    return changed
      ? answer({ text: `${city.name}'s ${LABEL[field]} is now ${shown}.` })
      : problem(`${city.name}'s ${LABEL[field]} is already ${shown}.`);
  },
});

function readValue(field: CityField, value: string): { value: string | undefined } | { reply: Reply } {
  const clear = value.toLowerCase() === CLEAR;
  switch (field) {
    case 'tz': {
      if (clear) return { value: undefined };
      const zone = TimeZoneSchema.safeParse(value);
      return zone.success
        ? { value: zone.data }
        : {
            reply: problem(`"${value}" is not an IANA time zone such as Europe/Prague or Asia/Tokyo.`, {
              field: 'value',
            }),
          };
    }
    case 'region': {
      if (clear) return { value: undefined };
      const wrong = nameProblem(value);
      return wrong
        ? {
            reply: problem(`The region "${value}" ${wrong}: give its name, or \`none\` to clear it.`, {
              field: 'value',
            }),
          }
        : { value };
    }
    case 'country': {
      const code = toCountryCode(value);
      return code
        ? { value: code }
        : {
            reply: problem(
              `"${value}" is not a country I know: use its ISO code, such as CZ, or its English name.`,
              { field: 'value' },
            ),
          };
    }
  }
}
