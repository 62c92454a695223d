import * as z from 'zod';
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

export const SettingsSchema = z.object({
  homeCity: CityIdSchema.optional().describe(
    "The office's own city: the default for partners and reminders.",
  ),
  feb29: z
    .enum(['feb28', 'mar1'])
    .default('feb28')
    .describe('Where a 29 February anniversary falls in common years.'),
  staff: z.array(StaffIdSchema).default([]),
  world: z
    .boolean()
    .optional()
    .describe(
      'Whether the shipped world layer (data/world: the public lists of twinnings and a gazetteer) is shown beside this store. Off when absent, so a store written before the layer existed answers (and is written) as it was; `twinbot init` turns it on.',
    ),
});

export type Settings = z.infer<typeof SettingsSchema>;
