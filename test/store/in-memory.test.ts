import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonFile } from '../../src/store/json-file.ts';
import { Store } from '../../src/store/store.ts';
import { smallStore } from '../fixtures/knowledge-base.ts';

const Counter = z.object({ count: z.number().int() });

describe('JsonFile.inMemory', () => {
  it('GIVEN a change that breaks the schema THEN it is refused naming the field, and the data stays as it was', async () => {
    const file = JsonFile.inMemory(Counter, { count: 1 });
    await expect(
      file.update((draft) => {
        draft.count = 1.5;
        return { result: undefined };
      }),
    ).rejects.toThrow('field count');
    expect(file.data).toEqual({ count: 1 });
  });

  it('GIVEN changes asked for one after the other without waiting THEN each starts from the one before', async () => {
    const file = JsonFile.inMemory(Counter, { count: 1 });
    const increment = () =>
      file.update((draft) => {
        draft.count += 1;
        return { result: draft.count };
      });
    expect(await Promise.all([increment(), increment(), increment()])).toEqual([2, 3, 4]);
    expect(file.data).toEqual({ count: 4 });
  });

  it('GIVEN invalid data THEN it is refused at once', () => {
    expect(() => JsonFile.inMemory(Counter, { count: 'one' })).toThrow('field count');
  });
});

describe('Store.inMemory', () => {
  it('GIVEN a change THEN the catalog answers from it, and the store has no file to name', async () => {
    const store = Store.inMemory(smallStore());
    await store.update((draft) => {
      draft.settings.homeCity = 'prague-cz';
      return { result: undefined };
    });
    expect(store.catalog.data.settings.homeCity).toBe('prague-cz');
    expect(() => store.path).toThrow('an in-memory store has no file');
  });
});
