import * as z from 'zod';
import { langSchema } from '../i18n/languages.ts';
import { CityIdSchema, TimeZoneSchema } from './city.ts';

/** Where reminders go: a Slack or Discord channel, or the terminal of the local shell. */
export const TargetIdSchema = z
  .string()
  .regex(
    /^(?:slack:[A-Z0-9]+:[A-Z0-9]+|discord:\d+:\d+|console)$/,
    'slack:<team>:<channel>, discord:<guild>:<channel> or console',
  )
  .describe('slack:<team>:<channel>, discord:<guild>:<channel> or console.');

export const LocalTimeSchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a local time as HH:MM, e.g. 09:00');

export const LocalDateSchema = z.iso.date();

export const DEFAULT_LEADS = [30, 7, 0] as const;

export const ReminderTargetSchema = z.object({
  id: TargetIdSchema,
  timeZone: TimeZoneSchema,
  postAt: LocalTimeSchema.default('09:00').describe(
    'Local time of day from which the day’s reminders are posted.',
  ),
  leads: z
    .array(z.number().int().min(0).max(365))
    .min(1)
    .max(10)
    .default([...DEFAULT_LEADS])
    .describe('Days before the anniversary to post; 0 is the day itself.'),
  filter: z
    .object({
      city: CityIdSchema.optional().describe("Only this city's partnerships."),
      partnerships: z.array(z.string()).optional().describe('Only these partnerships (ids).'),
    })
    .optional(),
  lang: langSchema
    .optional()
    .describe('The language its reminders are posted in (`remind here lang fr`); else the workspace’s.'),
  enabled: z.boolean().default(true),
  disabled: z.object({ reason: z.string().min(1).max(500), at: z.iso.datetime({ offset: true }) }).optional(),
});

/**
 * What became of one reminder. `pending` is written before the post and settled after it, so a crash
 * in between is found on start and never causes a second post (`unconfirmed`).
 */
export const LEDGER_STATES = ['pending', 'sent', 'late', 'missed', 'unconfirmed'] as const;

export const LedgerEntrySchema = z.object({
  target: TargetIdSchema,
  /** A partnership id, or `digest` for the yearly digest of year-only anniversaries. */
  partnership: z.string().min(1),
  number: z.number().int().min(1),
  /** Days ahead for day-precision anniversaries, `month` for month-only ones, `year` for the digest. */
  lead: z.union([z.number().int().min(0).max(365), z.literal('month'), z.literal('year')]),
  due: LocalDateSchema,
  state: z.enum(LEDGER_STATES),
  at: z.iso.datetime({ offset: true }),
});

/** Reminder settings, kept in the store with the rest of what staff configure. */
export const RemindersSchema = z.object({
  targets: z.array(ReminderTargetSchema).default([]),
});

export const LEDGER_VERSION = 1;

/**
 * What was posted, kept in a file of its own beside the store: it changes with every post, and
 * rewriting the whole knowledge base for each one would not scale.
 */
export const LedgerFileSchema = z.object({
  version: z.literal(LEDGER_VERSION),
  entries: z.array(LedgerEntrySchema).default([]),
  /** Per target, the last local date whose reminders were all handled. */
  progress: z.record(TargetIdSchema, LocalDateSchema).default({}),
});

export type ReminderTarget = z.infer<typeof ReminderTargetSchema>;
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export type Lead = LedgerEntry['lead'];

export function ledgerKey(entry: Pick<LedgerEntry, 'target' | 'partnership' | 'number' | 'lead'>): string {
  return `${entry.target}|${entry.partnership}|${entry.number}|${entry.lead}`;
}
