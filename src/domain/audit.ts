import { z } from 'zod';

export const PlatformSchema = z.enum(['shell', 'cli', 'slack', 'discord']);
export type Platform = z.infer<typeof PlatformSchema>;

/** One change to the store: append-only, written in the same file write as the change itself. */
export const AuditEntrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  actor: z.string().min(1).max(200).describe('Who made the change, e.g. slack:U123 or the local operator.'),
  platform: PlatformSchema,
  action: z.string().min(1).max(200),
  target: z.string().max(200).optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

export type AuditEntry = z.infer<typeof AuditEntrySchema>;
