import * as z from 'zod';
import { ChangeSchema } from './change.ts';

export const PlatformSchema = z.enum(['shell', 'cli', 'slack', 'discord']);
export type Platform = z.infer<typeof PlatformSchema>;

/** A record as it was before and after a change; a missing side means it was created or removed. */
export const RecordChangeSchema = z.object({
  record: z.enum(['city', 'partnership', 'setting', 'reminder-target', 'hidden-world-pair']),
  id: z.string().min(1).max(300),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

/** One change to the store: append-only, written in the same file write as the change itself. */
export const AuditEntrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  actor: z.string().min(1).max(200).describe('Who made the change, e.g. slack:U123 or the local operator.'),
  platform: PlatformSchema,
  action: z.string().min(1).max(200),
  summary: z
    .string()
    .min(1)
    .max(3000)
    .optional()
    .describe("What changed, in English words: the office's readable record, and what older entries show."),
  change: ChangeSchema.optional().describe(
    "What changed, as data the history words in each reader's language.",
  ),
  target: z.string().max(300).optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  changes: z
    .array(RecordChangeSchema)
    .optional()
    .describe('Each record the change touched, before and after: what `undo` restores.'),
  undoes: z.number().int().min(0).optional().describe('The index of the audit entry this one reverted.'),
});

export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type RecordChange = z.infer<typeof RecordChangeSchema>;
export type RecordKind = RecordChange['record'];

/** The indexes of the entries that a later `undo` reverted. */
export function undoneIndexes(audit: readonly AuditEntry[]): Set<number> {
  return new Set(audit.flatMap((entry) => (entry.undoes === undefined ? [] : [entry.undoes])));
}
