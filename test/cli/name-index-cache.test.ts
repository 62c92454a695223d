import { execFile } from 'node:child_process';
import { copyFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
// Inside the package like dist/, so the built code finds data/ the way an installed copy does.
const out = join(root, 'node_modules', '.cache', 'twinbot-name-index-test');

let tmp: string;
let store: string;

beforeAll(() => buildCli(out), 60_000);

beforeEach(async () => {
  tmp = await tempDir();
  store = join(tmp, 'twinning.json');
  await copyFile(SEED_PATH, store);
});

/** The built twinbot, with a temp folder of its own (where it keeps its caches). */
async function twinbot(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [join(out, 'cli.js'), ...args, '--data', store], {
    env: { ...process.env, TMPDIR: tmp },
  });
}

/** The kept name index files, with the inode each is at (a file written again is a new one). */
async function kept(): Promise<{ name: string; ino: number }[]> {
  const [folder] = (await readdir(tmp)).filter((name) => name.startsWith('twinbot-code-cache-'));
  if (folder === undefined) return [];
  const dir = join(tmp, folder);
  const names = (await readdir(dir)).filter((name) => name.endsWith('.names'));
  return Promise.all(
    names.map(async (name) => ({ name: join(dir, name), ino: (await stat(join(dir, name))).ino })),
  );
}

describe('the built CLI keeping the office name index between runs', () => {
  it('GIVEN asks in a row THEN the first keeps the index, the next read it without writing it again, and every answer is the same', async () => {
    const first = await twinbot('ask', 'partners kitakami');
    expect(first.stdout).toContain('Concord, California');
    const keptFirst = await kept();
    expect(keptFirst).toHaveLength(1);
    expect(await twinbot('ask', 'partners kitakami')).toEqual(first);
    expect(await kept()).toEqual(keptFirst);
  });

  it('GIVEN a calendar, then a reminders simulation THEN the first keeps the index, as ask does, and the second reads it', async () => {
    expect((await twinbot('calendar')).stdout).toContain('BEGIN:VCALENDAR');
    const keptFirst = await kept();
    expect(keptFirst).toHaveLength(1);
    await twinbot('reminders', 'simulate', '--from', '2027-01-01', '--to', '2027-01-31');
    expect(await kept()).toEqual(keptFirst);
  });

  it('GIVEN the store file changed THEN the next ask keeps a new index in place of the old one', async () => {
    await twinbot('ask', 'partners kitakami');
    const [before] = await kept();
    await writeFile(store, JSON.stringify(JSON.parse(await readFile(store, 'utf8')), null, 1));
    expect((await twinbot('ask', 'partners kitakami')).stdout).toContain('Concord, California');
    const after = await kept();
    expect(after).toHaveLength(1);
    expect(after[0]?.name).not.toBe(before?.name);
  });

  it('GIVEN a kept index damaged THEN ask answers the same, with nothing on stderr, and keeps a whole one again', async () => {
    const first = await twinbot('ask', 'partners kitakami');
    const [file] = await kept();
    await writeFile(file?.name as string, 'damaged');
    expect(await twinbot('ask', 'partners kitakami')).toEqual(first);
    expect(await twinbot('ask', 'partners kitakami')).toEqual(first);
    const [again] = await kept();
    expect((await stat(again?.name as string)).size).toBeGreaterThan('damaged'.length);
  });

  it('GIVEN the bot started and stopped THEN it built the index at start and kept none', async () => {
    // No platform configured: the local shell, which stops at the end of its input.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(SLACK|DISCORD)_/.test(name)),
    );
    const bot = run(process.execPath, [join(out, 'cli.js'), 'start', '--data', store], {
      env: { ...env, TMPDIR: tmp },
    });
    bot.child.stdin?.end();
    await bot;
    expect(await kept()).toEqual([]);
  });
});
