import * as z from 'zod';
import { langSchema } from '../i18n/languages.ts';
import { CityIdSchema, CityNameSchema } from './city.ts';
import { FuzzyDateSchema } from './fuzzy-date.ts';
import { MilestoneSchema, PARTNERSHIP_TYPES } from './partnership.ts';
import { ReminderTargetSchema, TargetIdSchema } from './reminder.ts';
import { StaffIdSchema, WorkspaceIdSchema } from './settings.ts';

const PairSchema = z
  .tuple([CityIdSchema, CityIdSchema])
  .describe('The two cities of the partnership, by id.');

/** A field of a city that `city set` corrects. */
export const CITY_FIELDS = ['tz', 'region', 'country'] as const;

/**
 * What a change did, without words: a catalog key (under `change.`) and the values its sentence
 * needs: ids, dates and choices, never names, so the history shows it in each reader's language.
 */
export const ChangeSchema = z.discriminatedUnion('key', [
  z.object({
    key: z.literal('added'),
    values: z.object({
      cities: PairSchema,
      type: z.enum(PARTNERSHIP_TYPES).optional(),
      signed: FuzzyDateSchema.optional(),
      created: z.array(CityIdSchema).max(2).optional().describe('Cities the change added to the store.'),
      listed: z
        .literal(true)
        .optional()
        .describe('The world layer listed the pair before the office took it in.'),
    }),
  }),
  z.object({
    key: z.literal('removed'),
    values: z.object({ cities: PairSchema, hidden: z.literal(true).optional() }),
  }),
  z.object({
    key: z.literal('recorded'),
    values: z.object({ cities: PairSchema, milestone: MilestoneSchema }),
  }),
  z.object({
    key: z.literal('alias'),
    values: z.object({
      city: CityIdSchema,
      name: CityNameSchema.shape.name,
      lang: CityNameSchema.shape.lang,
    }),
  }),
  z.object({
    key: z.literal('citySet'),
    values: z.object({
      city: CityIdSchema,
      field: z.enum(CITY_FIELDS),
      value: z.string().min(1).max(200).optional().describe('Omitted when the field was cleared.'),
      before: z.string().min(1).max(200).optional(),
    }),
  }),
  z.object({ key: z.literal('home'), values: z.object({ city: CityIdSchema }) }),
  z.object({ key: z.literal('world'), values: z.object({ on: z.boolean() }) }),
  z.object({
    key: z.literal('language'),
    values: z.object({
      scope: z.union([z.literal('store'), WorkspaceIdSchema]),
      lang: langSchema.optional().describe('Omitted when the setting was cleared.'),
    }),
  }),
  z.object({
    key: z.literal('remindHere'),
    values: z.object({ target: ReminderTargetSchema, changed: z.boolean() }),
  }),
  z.object({ key: z.literal('remindOff'), values: z.object({ channel: TargetIdSchema }) }),
  z.object({
    key: z.literal('staff'),
    values: z.object({ who: StaffIdSchema, added: z.boolean() }),
  }),
  z.object({
    key: z.literal('undid'),
    values: z.object({}).describe('The change undone is the entry `undoes` names.'),
  }),
]);

export type Change = z.infer<typeof ChangeSchema>;
