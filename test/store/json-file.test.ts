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

  it("GIVEN lock 'on-write' THEN opening leaves the file to another writer, and a change locks it and starts from the file as it is then", async () => {
    const path = join(await tempDir(), 'counter.json');
    await writeFile(path, JSON.stringify({ count: 1 }));
    const reader = await JsonFile.open(path, Counter, { lock: 'on-write' });
    const writer = await JsonFile.open(path, Counter, { lock: true });
    await writer.update((draft) => {
      draft.count = 5;
      return { result: undefined };
    });
    await expect(
      reader.update((draft) => {
        draft.count += 1;
        return { result: undefined };
      }),
    ).rejects.toThrow('in use by another twinbot process');
    await writer.close();
    await reader.update((draft) => {
      draft.count += 1;
      return { result: undefined };
    });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ count: 6 });
    await expect(JsonFile.open(path, Counter, { lock: true })).rejects.toThrow(
      'in use by another twinbot process',
    );
    await reader.close();
  });

  it("GIVEN lock 'on-write' and the file left invalid by another writer THEN a change is refused, and once the file is valid again it starts from it", async () => {
    const path = join(await tempDir(), 'counter.json');
    await writeFile(path, JSON.stringify({ count: 1 }));
    const reader = await JsonFile.open(path, Counter, { lock: 'on-write' });
    await writeFile(path, '{"count": "seven"}');
    const increment = () =>
      reader.update((draft) => {
        draft.count += 1;
        return { result: undefined };
      });
    await expect(increment()).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('{"count": "seven"}');
    await writeFile(path, JSON.stringify({ count: 7 }));
    await increment();
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ count: 8 });
    await reader.close();
  });
});
