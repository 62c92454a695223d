import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBackup } from '../../src/store/backup.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { runTwinbot } from '../fixtures/twinbot-process.ts';

describe('twinbot start: daily snapshots', { timeout: 30_000 }, () => {
  it("GIVEN a store without today's snapshot THEN start takes one beside it, a backup that restore accepts", async () => {
    const dir = await tempDir();
    const store = join(dir, 'twinning.json');
    await copyFile(SEED_PATH, store);
    const run = await runTwinbot(['start', '--data', store], { SNAPSHOT_DAYS: '2' });
    expect(run.code).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(await readdir(join(dir, 'snapshots'))).toEqual([`twinning-${today}.json`]);
    const backup = await readBackup(join(dir, 'snapshots', `twinning-${today}.json`));
    expect(backup.store.partnerships).toHaveLength(13);
    expect(run.stderr).toContain(`snapshot: ${join(dir, 'snapshots')}`);
  });

  it('GIVEN SNAPSHOT_DAYS=0 THEN start takes none', async () => {
    const dir = await tempDir();
    const store = join(dir, 'twinning.json');
    await copyFile(SEED_PATH, store);
    const run = await runTwinbot(['start', '--data', store], { SNAPSHOT_DAYS: '0' });
    expect(run.code).toBe(0);
    expect((await readdir(dir)).filter((name) => name === 'snapshots')).toEqual([]);
  });
});
