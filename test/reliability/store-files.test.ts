import { execFileSync } from 'node:child_process';
import { chmod, copyFile, lstat, mkdir, readFile, readlink, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { Store } from '../../src/store/store.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';
import { runTwinbot } from '../fixtures/twinbot-process.ts';

async function seedIn(folder: string, name = 'twinning.json'): Promise<string> {
  const path = join(folder, name);
  await copyFile(SEED_PATH, path);
  return path;
}

/** A refusal as the README promises it: exit 2 and one line naming the path, no stack trace. */
function expectOneLineRefusal(run: { code: number | null; stderr: string }, ...parts: string[]): void {
  expect(run.code).toBe(2);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  for (const part of parts) expect(lines[0]).toContain(part);
}

describe('store files that are not plain, writable files', () => {
  it('GIVEN a symbolic link to the store THEN a change is written to its target, the link stays a link, and link and target share one lock', async () => {
    const folder = await tempDir();
    const target = await seedIn(folder, 'real.json');
    const link = join(folder, 'link.json');
    await symlink(target, link);

    const run = await runTwinbot(['ask', '--data', link, 'alias prague Prag2 de'], {});
    expect(run.code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    expect(await readFile(target, 'utf8')).toContain('Prag2');

    const bot = await Store.open(target, { lock: true });
    try {
      const refused = await runTwinbot(['staff', 'add', 'slack:U9', '--data', link], {});
      expectOneLineRefusal(refused, `${link}: is in use by another twinbot process, pid ${process.pid}`);
    } finally {
      await bot.close();
    }
  });

  it('GIVEN a read-only store THEN a change is refused in one line, and the file is left as it was', async () => {
    const path = await seedIn(await tempDir());
    await chmod(path, 0o444);
    const before = await readFile(path, 'utf8');
    const run = await runTwinbot(['ask', '--data', path, 'alias prague Prag2 de'], {});
    expectOneLineRefusal(
      run,
      `twinbot: ${path}: is read-only, so it was left unchanged. To allow changes: chmod u+w`,
    );
    expect(await readFile(path, 'utf8')).toBe(before);
    expect((await lstat(path)).mode & 0o777).toBe(0o444);
    const question = await runTwinbot(['ask', '--data', path, 'partners kitakami'], {});
    expect(question.code).toBe(0);
  });

  it('GIVEN a store in a folder nobody may write to THEN a change is refused in one line naming the folder', async () => {
    const folder = join(await tempDir(), 'locked');
    await mkdir(folder);
    const path = await seedIn(folder);
    await chmod(folder, 0o555);
    try {
      const run = await runTwinbot(['staff', 'add', 'slack:U9', '--data', path], {});
      expectOneLineRefusal(run, `${path}: cannot be written: the folder ${folder} is not writable`);
    } finally {
      await chmod(folder, 0o755);
    }
    expect(JSON.parse(await readFile(path, 'utf8')).settings?.staff ?? []).toEqual([]);
  });

  it('GIVEN init into a folder that does not exist THEN it says so in one line', async () => {
    const path = join(await tempDir(), 'missing', 'twinning.json');
    const run = await runTwinbot(['init', '--data', path], {});
    expectOneLineRefusal(
      run,
      `${path}: cannot be written: the folder`,
      'missing does not exist. Create it first.',
    );
  });

  it('GIVEN a named pipe as the store THEN check refuses it at once instead of waiting for a writer', async () => {
    const path = join(await tempDir(), 'pipe.json');
    execFileSync('mkfifo', [path]);
    const run = await runTwinbot(['check', '--data', path], {});
    expectOneLineRefusal(run, `${path}: is a named pipe (FIFO), not a store file`);
  });

  it('GIVEN a folder as the store THEN start refuses it in one line', async () => {
    const path = await tempDir();
    const run = await runTwinbot(['start', '--data', path], {});
    expectOneLineRefusal(run, `${path}: is a folder, not a store file`);
  });
});
