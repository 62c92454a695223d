import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

const hasStrace = spawnSync('strace', ['-V']).status === 0;

/** Runs `twinbot` under strace and returns the file system calls it made, in order, from every thread. */
async function traceTwinbot(args: string[]): Promise<string[]> {
  const log = join(await tempDir(), 'trace.txt');
  execFileSync(
    'strace',
    [
      '-f',
      '-qq',
      '-e',
      'trace=openat,fsync,fdatasync,rename,renameat,renameat2,close',
      '-o',
      log,
      process.execPath,
      '--import',
      'tsx',
      CLI,
      ...args,
    ],
    { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } },
  );
  // Unfinished calls are split in two lines; keep each call's start and the result it was resumed with.
  const lines = (await readFile(log, 'utf8')).split('\n');
  const pending = new Map<string, string>();
  const calls: string[] = [];
  for (const line of lines) {
    const [pid, ...rest] = line.split(' ');
    const text = rest.join(' ').trim();
    if (pid === undefined || text === '') continue;
    if (text.endsWith('<unfinished ...>')) {
      pending.set(pid, text.replace(' <unfinished ...>', ''));
    } else if (text.startsWith('<...')) {
      calls.push(`${pending.get(pid) ?? ''}${text.replace(/^<\.\.\. \w+ resumed>/, '')}`);
      pending.delete(pid);
    } else {
      calls.push(text);
    }
  }
  return calls;
}

/**
 * The order that makes a replaced file durable: the temp file is flushed before it is closed and
 * renamed over the file, and the folder is flushed after the rename.
 */
function expectDurableReplace(calls: string[], path: string): void {
  const temp = join(dirname(path), `.${path.split('/').pop()}.tmp`);
  const opened = calls.findIndex((c) => c.startsWith(`openat(AT_FDCWD, "${temp}", O_WRONLY|O_CREAT`));
  expect(opened, `the temp file ${temp} is written`).toBeGreaterThanOrEqual(0);
  const fd = /= (\d+)$/.exec(calls[opened] ?? '')?.[1];
  const flushed = calls.findIndex(
    (c, i) => i > opened && /^f(data)?sync\(/.test(c) && c.startsWith(`${c.split('(')[0]}(${fd})`),
  );
  const closed = calls.findIndex((c, i) => i > opened && c.startsWith(`close(${fd})`));
  const renamed = calls.findIndex(
    (c) => /^rename(at2?)?\(/.test(c) && c.includes(`"${temp}"`) && c.includes(`"${path}"`),
  );
  expect(flushed, 'the temp file is flushed').toBeGreaterThan(opened);
  expect(flushed, 'before it is closed').toBeLessThan(closed);
  expect(renamed, 'and renamed after that').toBeGreaterThan(flushed);
  const folderOpened = calls.findIndex(
    (c, i) => i > renamed && c.startsWith(`openat(AT_FDCWD, "${dirname(path)}", O_RDONLY`),
  );
  expect(folderOpened, 'the folder is opened after the rename').toBeGreaterThan(renamed);
  const folderFd = /= (\d+)$/.exec(calls[folderOpened] ?? '')?.[1];
  expect(
    calls.findIndex((c, i) => i > folderOpened && /^f(data)?sync\(/.test(c) && c.includes(`(${folderFd})`)),
    'and flushed',
  ).toBeGreaterThan(folderOpened);
}

describe.skipIf(!hasStrace)('durable writes (traced with strace)', () => {
  it('GIVEN a change through the CLI THEN the store is flushed before its rename and the folder after it', async () => {
    const path = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, path);
    expectDurableReplace(await traceTwinbot(['ask', '--data', path, 'alias prague Prag2 de']), path);
    expect(await readFile(path, 'utf8')).toContain('Prag2');
  });

  it('GIVEN the bot starting on a store without a ledger THEN the new ledger is written the same way', async () => {
    const path = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, path);
    const calls = await traceTwinbot(['start', '--data', path]);
    expectDurableReplace(calls, path.replace(/\.json$/, '.ledger.json'));
  });
});
