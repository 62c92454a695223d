import * as z from 'zod';
import { CityIdSchema } from './city.ts';
import { earliestKey, FuzzyDateSchema, latestKey } from './fuzzy-date.ts';
import { checkUniqueIds } from './unique-ids.ts';

export const PARTNERSHIP_TYPES = [
  'sister_city',
  'twin_town',
  'partner_city',
  'friendship_city',
  'cooperation_mou',
] as const;

export const MILESTONE_KINDS = [
  'historic_tie',
  'proposal',
  'mou',
  'council_approval',
  'council_rejection',
  'signing',
  'renewal',
  'suspension',
  'resumption',
  'phase_out',
  'termination',
  'objection',
] as const;

export const SourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a short lowercase id such as praha-2020'),
  title: z.string().min(1).max(500),
  url: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('Where the fact can be checked (http or https).'),
  publisher: z.string().min(1).max(200).optional(),
  published: FuzzyDateSchema.optional(),
});

export const MilestoneSchema = z.object({
  kind: z.enum(MILESTONE_KINDS),
  date: FuzzyDateSchema.optional().describe('Omitted when the date is not known.'),
  by: CityIdSchema.optional().describe('The city that acted alone; omitted for a joint act of both cities.'),
  place: z.string().min(1).max(200).optional(),
  reason: z.string().min(1).max(2000).optional(),
  note: z.string().min(1).max(2000).optional(),
  sources: z
    .array(z.string())
    .default([])
    .describe('Ids of the partnership sources that report this milestone.'),
  anniversary: z
    .boolean()
    .optional()
    .describe('Anniversaries count from this milestone instead of the first dated signing.'),
});

export const PartnershipSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+--[a-z0-9-]+$/, 'the two city ids joined by "--"'),
    cities: z.tuple([CityIdSchema, CityIdSchema]).describe('The two city ids, in alphabetical order.'),
    type: z.enum(PARTNERSHIP_TYPES).optional().describe('Omitted when the kind of tie is not recorded.'),
    milestones: z
      .array(MilestoneSchema)
      .default([])
      .describe('In chronological order; undated ones where they belong.'),
    sources: z.array(SourceSchema).default([]),
    notes: z.string().min(1).max(2000).optional(),
  })
  .superRefine((p, ctx) => {
    const [a, b] = p.cities;
    if (a === b)
      ctx.addIssue({ code: 'custom', path: ['cities'], message: 'a city cannot be partnered with itself' });
    else if (a > b)
      ctx.addIssue({
        code: 'custom',
        path: ['cities'],
        message: `must be in alphabetical order: ["${b}", "${a}"]`,
      });
    if (p.id !== partnershipId(a, b))
      ctx.addIssue({ code: 'custom', path: ['id'], message: `must be "${partnershipId(a, b)}"` });
    const sourceIds = checkUniqueIds(p.sources, ['sources'], 'source id', ctx);
    let previous: string | undefined;
    let anniversaries = 0;
    p.milestones.forEach((m, i) => {
      if (m.by !== undefined && m.by !== a && m.by !== b) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', i, 'by'],
          message: `"${m.by}" is not one of the two cities`,
        });
      }
      m.sources.forEach((ref, j) => {
        if (!sourceIds.has(ref))
          ctx.addIssue({
            code: 'custom',
            path: ['milestones', i, 'sources', j],
            message: `no source with id "${ref}"`,
          });
      });
      if (m.anniversary) anniversaries += 1;
      if (m.date === undefined || FuzzyDateSchema.safeParse(m.date).success === false) return;
      // Fuzzy dates overlap ("2018-10" and "2018-10-02"): only a date that must be earlier is out of order.
      if (previous !== undefined && latestKey(m.date) < earliestKey(previous)) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', i, 'date'],
          message: `milestones must be in chronological order: ${m.date} comes before ${previous}`,
        });
      }
      previous = m.date;
    });
    if (anniversaries > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['milestones'],
        message: 'at most one milestone may be marked as the anniversary',
      });
  });

export type Partnership = z.infer<typeof PartnershipSchema>;
export type Milestone = z.infer<typeof MilestoneSchema>;
export type MilestoneKind = Milestone['kind'];
export type PartnershipType = NonNullable<Partnership['type']>;
export type Source = z.infer<typeof SourceSchema>;

export function partnershipId(a: string, b: string): string {
  const [first, second] = a < b ? [a, b] : [b, a];
  return `${first}--${second}`;
}

export function orderCities(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}
