import type { z } from 'zod';
import { describeFirstIssue, InvalidChangeError } from './errors.ts';
import type { Change } from './json-file.ts';

/**
 * A JsonFile without the file: the data is validated when created and after every change, each change
 * is made on a copy and applied whole or not at all, but nothing is ever written. For simulations,
 * which must not touch the real store and must leave nothing behind, even when the process is killed.
 */
export class MemoryFile<S extends z.ZodType> {
  private constructor(
    private readonly schema: S,
    private current: z.output<S>,
  ) {}

  /** Holds data that must pass the schema. */
  static create<S extends z.ZodType>(schema: S, data: unknown): MemoryFile<S> {
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new InvalidChangeError(describeFirstIssue(parsed.error, data));
    return new MemoryFile(schema, parsed.data);
  }

  get data(): z.output<S> {
    return this.current;
  }

  /**
   * Applies a change on a copy and validates the result whole; an invalid result changes nothing. The
   * change runs at once, so changes apply in the order they are asked for without a queue.
   */
  async update<T>(change: Change<z.output<S>, T>): Promise<T> {
    const draft = structuredClone(this.current);
    const outcome = change(draft);
    if ('unchanged' in outcome) return outcome.result;
    const parsed = this.schema.safeParse(draft);
    if (!parsed.success) throw new InvalidChangeError(describeFirstIssue(parsed.error, draft));
    this.current = parsed.data;
    return outcome.result;
  }

  async close(): Promise<void> {}
}
