import type { z } from 'zod';

/**
 * The store file cannot be used as it is. The message names the path, the record and the field, so
 * the person who edited the file can mend it; the file itself is never touched.
 */
export class StoreFileError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'StoreFileError';
  }
}

/** A requested change would make the store invalid: it is refused whole. */
export class InvalidChangeError extends Error {
  constructor(readonly detail: string) {
    super(`change refused: ${detail}`);
    this.name = 'InvalidChangeError';
  }
}

/** "partnerships[3] (prague-cz--shanghai-cn), field milestones[1].by: no such city". */
export function describeFirstIssue(error: z.ZodError, data: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path;
  const [collection, index, ...rest] = path;
  if (typeof collection === 'string' && typeof index === 'number') {
    const record = (data as Record<string, unknown[]>)[collection]?.[index] as { id?: unknown } | undefined;
    const label = typeof record?.id === 'string' ? ` (${record.id})` : '';
    const field = rest.length > 0 ? `, field ${formatPath(rest)}` : '';
    return `${collection}[${index}]${label}${field}: ${issue.message}`;
  }
  return `${path.length > 0 ? `field ${formatPath(path)}` : 'the file'}: ${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
