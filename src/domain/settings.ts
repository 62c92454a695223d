import * as z from 'zod';
import { langSchema } from '../i18n/languages.ts';
import { CityIdSchema } from './city.ts';

/** A staff member: a Slack user, a Discord user, or everyone holding a Discord role. */
export const StaffIdSchema = z
  .string()
  .regex(
    /^(?:slack:[A-Z0-9]+|discord:user:\d+|discord:role:\d+)$/,
    'slack:U123, discord:user:123 or discord:role:456',
  )
  .describe('slack:<user id>, discord:user:<user id> or discord:role:<role id>.');

export type StaffId = z.infer<typeof StaffIdSchema>;

/** A Slack workspace or a Discord server, as the language setting names it. */
export const WorkspaceIdSchema = z
  .string()
  .regex(/^(?:slack:[A-Z0-9]+|discord:\d+)$/, 'slack:T123 or discord:456')
  .describe('slack:<team id> or discord:<guild id>.');

export type WorkspaceId = z.infer<typeof WorkspaceIdSchema>;

export const SettingsSchema = z.object({
  homeCity: CityIdSchema.optional().describe(
    "The office's own city: the default for partners and reminders.",
  ),
  feb29: z
    .enum(['feb28', 'mar1'])
    .default('feb28')
    .describe('Where a 29 February anniversary falls in common years.'),
  staff: z.array(StaffIdSchema).default([]),
  languages: z
    .record(WorkspaceIdSchema, langSchema)
    .optional()
    .describe(
      'Per Slack workspace or Discord server, the language staff chose (`language de`): for channel posts, and for answers to people whose own language the platform does not tell.',
    ),
  language: langSchema
    .optional()
    .describe(
      'The language staff chose at the terminal for the whole store: where neither a workspace setting nor the platform says one.',
    ),
  world: z
    .boolean()
    .optional()
    .describe(
      'Whether the shipped world layer (data/world: the public lists of twinnings and a gazetteer) is shown beside this store. Off when absent, so a store written before the layer existed answers (and is written) as it was; `twinbot init` turns it on.',
    ),
});

export type Settings = z.infer<typeof SettingsSchema>;
