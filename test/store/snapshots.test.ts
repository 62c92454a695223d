import { chmod, copyFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { parseSnapshotDays, snapshotIfDue } from '../../src/store/snapshots.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

async function storeIn(): Promise<{ dir: string; storePath: string }> {
  const dir = await tempDir();
  const storePath = join(dir, 'twinning.json');
  await copyFile(SEED_PATH, storePath);
  return { dir, storePath };
}

const day = (date: string, time = '12:00:00') => new Date(`${date}T${time}Z`);

describe('daily snapshots', () => {
  it('GIVEN no snapshot today THEN one is written in snapshots/ named by the date; a second check that day writes nothing', async () => {
    const { dir, storePath } = await storeIn();
    let taken = 0;
    const plan = { storePath, days: 14, backup: () => [`backup ${++taken}`] };
    const first = await snapshotIfDue(plan, day('2026-12-03', '00:05:00'));
    expect(first.taken).toBe(join(dir, 'snapshots', 'twinning-2026-12-03.json'));
    const again = await snapshotIfDue(plan, day('2026-12-03', '23:59:00'));
    expect(again.taken).toBeUndefined();
    expect(await readFile(join(dir, 'snapshots', 'twinning-2026-12-03.json'), 'utf8')).toBe('backup 1');
  });

  it('GIVEN twenty days of snapshots kept for 3 THEN only the last three days are left, and other files stay', async () => {
    const { dir, storePath } = await storeIn();
    const plan = { storePath, days: 3, backup: () => ['{}'] };
    await snapshotIfDue(plan, day('2026-11-01'));
    await writeFile(join(dir, 'snapshots', 'notes.txt'), 'mine');
    for (let d = 2; d <= 20; d++) await snapshotIfDue(plan, day(`2026-11-${String(d).padStart(2, '0')}`));
    expect((await readdir(join(dir, 'snapshots'))).sort()).toEqual([
      'notes.txt',
      'twinning-2026-11-18.json',
      'twinning-2026-11-19.json',
      'twinning-2026-11-20.json',
    ]);
  });

  it('GIVEN a store only its owner may read THEN its snapshots are only for its owner too', async () => {
    const { storePath } = await storeIn();
    await chmod(storePath, 0o600);
    const report = await snapshotIfDue({ storePath, days: 1, backup: () => ['{}'] }, day('2026-12-03'));
    expect((await stat(report.taken as string)).mode & 0o777).toBe(0o600);
  });

  it('GIVEN SNAPSHOT_DAYS=0 THEN nothing is written and no folder is made', async () => {
    const { dir, storePath } = await storeIn();
    const days = parseSnapshotDays({ SNAPSHOT_DAYS: '0' });
    if (!days.ok) throw new Error('SNAPSHOT_DAYS=0 refused');
    const report = await snapshotIfDue(
      { storePath, days: days.value, backup: () => ['{}'] },
      day('2026-12-03'),
    );
    expect(report).toEqual({ removed: [] });
    expect(await readdir(dir)).toEqual(['twinning.json']);
  });

  it('GIVEN SNAPSHOT_DAYS unset, a number or not a number THEN 14, that number, or a problem naming the variable but not the value', () => {
    expect(parseSnapshotDays({})).toEqual({ ok: true, value: 14 });
    expect(parseSnapshotDays({ SNAPSHOT_DAYS: '30' })).toEqual({ ok: true, value: 30 });
    for (const text of ['two weeks', '-1']) {
      const result = parseSnapshotDays({ SNAPSHOT_DAYS: text });
      expect(result).toEqual({
        ok: false,
        problems: [expect.stringMatching(/^SNAPSHOT_DAYS must be a whole number/)],
      });
      expect(JSON.stringify(result)).not.toContain(text);
    }
  });
});
