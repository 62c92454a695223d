import { describe, expect, it } from 'vitest';
import { within } from '../../src/adapters/within.ts';

const resolveAfter = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(resolve, ms, value));

describe('within', () => {
  it('GIVEN work that finishes in time THEN resolves with its result', async () => {
    expect(await within(resolveAfter(5, 'answer'), 1000)).toBe('answer');
  });

  it('GIVEN work slower than the limit THEN resolves undefined at the limit, and the work goes on', async () => {
    let finished = false;
    const work = resolveAfter(300, 'late').then((value) => {
      finished = true;
      return value;
    });
    expect(await within(work, 30)).toBeUndefined();
    expect(finished).toBe(false);
    expect(await work).toBe('late');
  });

  it('GIVEN work that fails in time THEN resolves undefined instead of throwing', async () => {
    const failing = Promise.reject(new Error('store unreadable'));
    failing.catch(() => undefined);
    expect(await within(failing, 1000)).toBeUndefined();
  });
});
