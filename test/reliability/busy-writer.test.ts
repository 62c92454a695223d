import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { changeStaff } from '../../src/store/edits/staff.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import { Store } from '../../src/store/store.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

const WRITER = fileURLToPath(new URL('./busy-writer.ts', import.meta.url));
/** The lock used to count as abandoned after 15 s without a refresh. */
const LONGER_THAN_THE_OLD_STALE_TIME = 17_000;

describe('a writer kept busy', () => {
  it('GIVEN a writer whose event loop is blocked longer than the old stale time while a second writer keeps trying THEN only the first holds the store until it is done, both changes are kept, and nobody crashes', {
    timeout: 60_000,
  }, async () => {
    const path = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, path);
    const busy = spawn(
      process.execPath,
      ['--import', 'tsx', WRITER, path, String(LONGER_THAN_THE_OLD_STALE_TIME)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = once(busy, 'exit');
    let output = '';
    busy.stdout.on('data', (chunk) => {
      output += chunk;
    });
    busy.stderr.on('data', (chunk) => {
      output += chunk;
    });
    await expect.poll(() => output, { timeout: 20_000, interval: 50 }).toContain('holding');

    const refusals: string[] = [];
    let second: Store | undefined;
    while (second === undefined) {
      try {
        second = await Store.open(path, { lock: true });
      } catch (error) {
        refusals.push((error as Error).message);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    // The second writer got in only once the first had finished and let go.
    expect(output).toBe('holding\ndone\n');
    expect(await exited).toEqual([0, null]);
    expect(refusals.length).toBeGreaterThan(LONGER_THAN_THE_OLD_STALE_TIME / 1_000);
    for (const refusal of refusals)
      expect(refusal).toContain(`is in use by another twinbot process, pid ${busy.pid}`);

    await second.edit(
      { actor: 'cli:second', platform: 'cli' },
      changeStaff('add', 'slack:USECOND', { keepOne: false }),
    );
    await second.close();
    const stored = JSON.parse(await readFile(path, 'utf8'));
    expect(stored.settings.staff).toEqual(['slack:UBEFORE', 'slack:UAFTER', 'slack:USECOND']);
    expect(stored.audit.map((entry: { actor: string }) => entry.actor)).toEqual([
      'cli:busy-writer',
      'cli:busy-writer',
      'cli:second',
    ]);
  });
});
