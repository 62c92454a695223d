import countries from 'i18n-iso-countries/index.js';
import * as z from 'zod';
import { NAME_LIMIT } from './names.ts';

export const CityIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lowercase slug such as prague-cz')
  .max(120)
  .describe('Stable city id: a lowercase slug, e.g. prague-cz.');

export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as CZ')
  .refine((code) => countries.isValid(code), 'not an ISO 3166-1 alpha-2 country code')
  .describe('ISO 3166-1 alpha-2 country code.');

export const TimeZoneSchema = z
  .string()
  .refine(isTimeZone, 'not an IANA time zone such as Europe/Prague')
  .describe('IANA time zone, e.g. Europe/Prague.');

export const NAME_KINDS = ['official', 'native', 'exonym', 'alias', 'former'] as const;

export const CityNameSchema = z.object({
  name: z.string().min(1).max(NAME_LIMIT),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as cs or zh-Hant')
    .optional(),
  kind: z.enum(NAME_KINDS).default('alias'),
});

export const CitySchema = z.object({
  id: CityIdSchema,
  name: z.string().min(1).max(NAME_LIMIT).describe('The name shown by default (usually the English one).'),
  names: z
    .array(CityNameSchema)
    .default([])
    .describe('Official, native and other names, with language tags.'),
  country: CountryCodeSchema,
  region: z
    .string()
    .min(1)
    .max(NAME_LIMIT)
    .optional()
    .describe('State, province or prefecture, to tell same-named cities apart.'),
  timeZone: TimeZoneSchema.optional(),
  wikidata: z
    .string()
    .regex(/^Q\d+$/, 'a Wikidata id such as Q1085')
    .optional(),
  coordinates: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  population: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('Inhabitants, as the gazetteer or list gives it.'),
  territory: z
    .string()
    .min(1)
    .max(NAME_LIMIT)
    .optional()
    .describe(
      'A de facto state the place lies in (e.g. Northern Cyprus) when `country` is the recognised one.',
    ),
});

export type City = z.infer<typeof CitySchema>;
export type CityName = z.infer<typeof CityNameSchema>;

/** Each zone asked about, checked once: a store validated whole asks for every city, most zones many times. */
const timeZones = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  let known = timeZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = zone.includes('/') || zone === 'UTC';
    } catch {
      known = false;
    }
    timeZones.set(zone, known);
  }
  return known;
}
