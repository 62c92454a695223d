import * as z from 'zod';
import { AuditEntrySchema } from '../domain/audit.ts';
import { CitySchema } from '../domain/city.ts';
import { PartnershipSchema } from '../domain/partnership.ts';
import { RemindersSchema } from '../domain/reminder.ts';
import { SettingsSchema } from '../domain/settings.ts';
import { checkUniqueIds } from '../domain/unique-ids.ts';

export const STORE_VERSION = 1;

/** The whole store file. Cross-record rules (ids unique, references resolve) are checked here. */
export const StoreSchema = z
  .object({
    $schema: z.string().optional().describe('Path of the JSON Schema, for editors.'),
    version: z.literal(STORE_VERSION).describe('Store format version; migrations raise it.'),
    settings: SettingsSchema.default({ feb29: 'feb28', staff: [] }),
    cities: z.array(CitySchema),
    partnerships: z.array(PartnershipSchema),
    audit: z.array(AuditEntrySchema).default([]),
    reminders: RemindersSchema.default({ targets: [] }),
    hiddenWorldPairs: z
      .array(PartnershipSchema.shape.id)
      .optional()
      .describe('Partnerships of the world layer the office removed: they stay hidden.'),
  })
  .superRefine((store, ctx) => {
    const cityIds = checkUniqueIds(store.cities, ['cities'], 'city id', ctx);
    checkUniqueIds(store.partnerships, ['partnerships'], 'partnership', ctx);
    store.partnerships.forEach((p, i) => {
      p.cities.forEach((id, j) => {
        if (!cityIds.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['partnerships', i, 'cities', j],
            message: `no city with id "${id}"`,
          });
      });
    });
    checkUniqueIds(store.reminders.targets, ['reminders', 'targets'], 'reminder target', ctx);
    store.reminders.targets.forEach((target, i) => {
      const city = target.filter?.city;
      if (city !== undefined && !cityIds.has(city)) {
        ctx.addIssue({
          code: 'custom',
          path: ['reminders', 'targets', i, 'filter', 'city'],
          message: `no city with id "${city}"`,
        });
      }
    });
    const home = store.settings.homeCity;
    if (home !== undefined && !cityIds.has(home)) {
      ctx.addIssue({ code: 'custom', path: ['settings', 'homeCity'], message: `no city with id "${home}"` });
    }
  });

export type StoreData = z.infer<typeof StoreSchema>;
export type StoreInput = z.input<typeof StoreSchema>;
