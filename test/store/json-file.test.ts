import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonFile } from '../../src/store/json-file.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

const Counter = z.object({ count: z.number().int() });

describe('JsonFile', () => {
  it('GIVEN the disk refuses the write THEN the change fails and memory keeps the data the file has', async () => {
    const dir = await tempDir();
    const path = join(dir, 'counter.json');
    await writeFile(path, JSON.stringify({ count: 1 }));
    const file = await JsonFile.open(path, Counter);
    // The atomic write goes through a temp file beside the store; a folder in its place makes it fail.
    await mkdir(join(dir, '.counter.json.tmp'));
    await expect(
      file.update((draft) => {
        draft.count = 2;
        return { result: undefined };
      }),
    ).rejects.toThrow();
    expect(file.data).toEqual({ count: 1 });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ count: 1 });
  });
});
