import { chmod, copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { runTwinbot, spawnTwinbot } from '../fixtures/twinbot-process.ts';

const LEDGER = {
  version: 1,
  entries: [
    {
      target: 'slack:T0TWIN:C0GENERAL',
      partnership: 'le-mans-fr--paderborn-de',
      number: 60,
      lead: 7,
      due: '2026-06-14',
      state: 'sent',
      at: '2026-06-14T07:00:00.000Z',
    },
  ],
  progress: { 'slack:T0TWIN:C0GENERAL': '2026-06-14' },
};

/** A store (the seed) with a ledger beside it, in a folder of its own. */
async function storeWithLedger(): Promise<{ dir: string; store: string; ledger: string }> {
  const dir = await tempDir();
  const store = join(dir, 'twinning.json');
  const ledger = join(dir, 'twinning.ledger.json');
  await copyFile(SEED_PATH, store);
  await writeFile(ledger, JSON.stringify(LEDGER));
  return { dir, store, ledger };
}

const contents = async (...paths: string[]) => Promise.all(paths.map((path) => readFile(path, 'utf8')));

describe('twinbot backup and restore', { timeout: 30_000 }, () => {
  it('GIVEN a backup THEN restore after changes puts back the store and the ledger exactly as they were', async () => {
    const { dir, store, ledger } = await storeWithLedger();
    const file = join(dir, 'backup.json');
    await chmod(store, 0o600);
    const backedUp = await runTwinbot(['backup', '--data', store, file], {});
    expect(backedUp.code).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const before = JSON.parse(await readFile(store, 'utf8'));

    expect((await runTwinbot(['staff', 'add', 'slack:U0NEW', '--data', store], {})).code).toBe(0);
    await writeFile(ledger, JSON.stringify({ version: 1, entries: [], progress: {} }));

    const restored = await runTwinbot(['restore', '--data', store, file], {});
    expect(restored.stderr).toContain('13 partnerships, 1 ledger entries');
    expect(restored.code).toBe(0);
    expect(JSON.parse(await readFile(store, 'utf8')).settings).toEqual(before.settings);
    expect(JSON.parse(await readFile(store, 'utf8')).partnerships).toEqual(before.partnerships);
    expect(JSON.parse(await readFile(ledger, 'utf8'))).toEqual(LEDGER);
  });

  it('GIVEN a folder that does not exist THEN backup says the file could not be written, exit 1', async () => {
    const { dir, store } = await storeWithLedger();
    const run = await runTwinbot(['backup', '--data', store, join(dir, 'missing', 'b.json')], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `the backup could not be written to ${join(dir, 'missing', 'b.json')} (ENOENT`,
    );
  });

  it('GIVEN a restore cut off between its two renames (restored store, old ledger) THEN running it again restores the ledger too', async () => {
    const { dir, store, ledger } = await storeWithLedger();
    const file = join(dir, 'backup.json');
    await runTwinbot(['backup', '--data', store, file], {});
    const backup = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(store, JSON.stringify(backup.store, null, 2));
    await writeFile(ledger, JSON.stringify({ version: 1, entries: [], progress: {} }));

    expect((await runTwinbot(['restore', '--data', store, file], {})).code).toBe(0);
    expect(JSON.parse(await readFile(ledger, 'utf8'))).toEqual(LEDGER);
    expect(JSON.parse(await readFile(store, 'utf8'))).toEqual(backup.store);
  });

  it('GIVEN posts recorded since the backup THEN restore keeps them in the ledger, so they are not posted again', async () => {
    const { dir, store, ledger } = await storeWithLedger();
    const file = join(dir, 'backup.json');
    await runTwinbot(['backup', '--data', store, file], {});
    const later = { ...LEDGER.entries[0], lead: 0, due: '2026-06-21', at: '2026-06-21T07:00:00.000Z' };
    const since = {
      version: 1,
      entries: [...LEDGER.entries, later],
      progress: { 'slack:T0TWIN:C0GENERAL': '2026-06-21' },
    };
    await writeFile(ledger, JSON.stringify(since));

    const run = await runTwinbot(['restore', '--data', store, file], {});
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Kept 1 reminder post(s) recorded since the backup');
    expect(JSON.parse(await readFile(ledger, 'utf8'))).toEqual(since);
  });

  it('GIVEN an unreadable ledger on disk THEN restore puts the backup’s in its place and says what that risks', async () => {
    const { dir, store, ledger } = await storeWithLedger();
    const file = join(dir, 'backup.json');
    await runTwinbot(['backup', '--data', store, file], {});
    await writeFile(ledger, '{"version": 1, "entr');

    const run = await runTwinbot(['restore', '--data', store, file], {});
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('could not be read');
    expect(JSON.parse(await readFile(ledger, 'utf8'))).toEqual(LEDGER);
  });

  it('GIVEN backup - THEN the backup goes to standard output, with its format and version', async () => {
    const { store } = await storeWithLedger();
    const run = await runTwinbot(['backup', '--data', store, '-'], {});
    expect(run.code).toBe(0);
    const backup = JSON.parse(run.stdout);
    expect(backup).toMatchObject({ format: 'twinbot-backup', version: 1, ledger: LEDGER });
    expect(backup.store.partnerships).toHaveLength(13);
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length / 2), 'is not valid JSON'],
    [
      'with an invalid ledger entry',
      (text: string) => text.replace('"state": "sent"', '"state": "posted"'),
      'ledger: entries[0], field state',
    ],
    [
      'with an invalid store record',
      (text: string) => text.replace('"id": "kitakami-jp"', '"id": "Kitakami!"'),
      'store: cities[',
    ],
  ])(
    'GIVEN a backup %s THEN restore refuses it whole, exit 1, and leaves store and ledger untouched',
    async (_, spoil, reason) => {
      const { dir, store, ledger } = await storeWithLedger();
      const good = await runTwinbot(['backup', '--data', store, '-'], {});
      const file = join(dir, 'spoilt.json');
      const spoilt = spoil(good.stdout);
      expect(spoilt).not.toBe(good.stdout);
      await writeFile(file, spoilt);
      await writeFile(ledger, JSON.stringify({ version: 1, entries: [], progress: {} }));
      const before = await contents(store, ledger);

      const run = await runTwinbot(['restore', '--data', store, file], {});
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(reason);
      expect(run.stderr).toContain('nothing was changed');
      expect(await contents(store, ledger)).toEqual(before);
    },
  );

  it('GIVEN the bot running on the store THEN restore is refused naming the bot, and nothing changes', async () => {
    const { dir, store, ledger } = await storeWithLedger();
    const file = join(dir, 'backup.json');
    await runTwinbot(['backup', '--data', store, file], {});
    await writeFile(ledger, JSON.stringify({ version: 1, entries: [], progress: {} }));

    const bot = spawnTwinbot(['start', '--data', store], {});
    try {
      let output = '';
      bot.stdout?.on('data', (chunk) => {
        output += chunk;
      });
      // Once the shell answers, the bot holds the store.
      bot.stdin?.write('city kitakami\n');
      const deadline = Date.now() + 20_000;
      while (!output.includes('Kitakami') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(output).toContain('Kitakami');
      // Taken once the bot runs: on start it rewrites a ledger in the earlier format as a journal.
      const before = await contents(store, ledger);

      const run = await runTwinbot(['restore', '--data', store, file], {});
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`is in use by another twinbot process, pid ${bot.pid}`);
      expect(await contents(store, ledger)).toEqual(before);
    } finally {
      bot.kill('SIGKILL');
    }
  });
});
