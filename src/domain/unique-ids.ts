import type { z } from 'zod';

/** Reports every record whose id repeats an earlier one, at that record's `id`; returns the ids seen. */
export function checkUniqueIds(
  records: readonly { id: string }[],
  path: readonly (string | number)[],
  noun: string,
  ctx: z.RefinementCtx,
): Set<string> {
  const seen = new Set<string>();
  records.forEach((record, i) => {
    if (seen.has(record.id)) {
      ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate ${noun} "${record.id}"` });
    }
    seen.add(record.id);
  });
  return seen;
}
