import * as z from 'zod';
import { CitySchema } from '../domain/city.ts';
import { PartnershipSchema } from '../domain/partnership.ts';

/** The lists and the gazetteer the world layer is built from. */
export const WorldSourceSchema = z.object({
  id: z.enum(['wikipedia', 'wikidata', 'geonames']),
  title: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  licence: z.string().min(1),
});

/** data/world/world.json: read-only reference data built by `npm run world` (scripts/world/). */
export const WorldFileSchema = z.object({
  format: z.literal(1),
  sources: z.array(WorldSourceSchema),
  cities: z.array(CitySchema),
  partnerships: z.array(PartnershipSchema),
  index: z
    .object({
      fold: z.number().int(),
      names: z.array(z.string()),
      cities: z.array(z.number().int().nonnegative()),
    })
    .optional()
    .describe('Every folded name of every city, sorted, beside its city position (see buildNameIndex).'),
});

/** data/world/manifest.json: what the layer holds and the checksum it is loaded against. */
export const WorldManifestSchema = z.object({
  format: z.literal(1),
  file: z.literal('world.json'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  cities: z.number().int().nonnegative(),
  partnerships: z.number().int().nonnegative(),
  inputs: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});

export type WorldFile = z.infer<typeof WorldFileSchema>;
export type WorldSource = z.infer<typeof WorldSourceSchema>;
export type WorldManifest = z.infer<typeof WorldManifestSchema>;
