import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { acquireLock, type Lock } from '../../src/store/file-lock.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

const TAKER = fileURLToPath(new URL('./lock-taker.ts', import.meta.url));

/** Starts lock-taker.ts in its own process and resolves with its first line ("held <pid>" or "refused ..."). */
async function takeInChild(file: string, ...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', TAKER, file, ...args], { stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  await expect.poll(() => output, { timeout: 20_000, interval: 20 }).toMatch(/\n/);
  return { child, firstLine: () => output.split('\n')[0] ?? '', output: () => output };
}

async function killed(child: ChildProcessWithoutNullStreams): Promise<void> {
  child.kill('SIGKILL');
  await once(child, 'exit');
}

const refusalOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'taken',
    (error: Error) => error.message,
  );

describe('the store lock', () => {
  it('GIVEN a live holder in another process THEN a second taker is refused with its pid, command and start time', async () => {
    const file = join(await tempDir(), 'store.json');
    const holder = await takeInChild(file, '--hold', '60000');
    try {
      const refusal = await refusalOf(acquireLock(file));
      expect(refusal).toContain('is in use by another twinbot process');
      expect(refusal).toContain(`pid ${holder.child.pid} (lock-taker.ts ${file} --hold 60000)`);
      expect(refusal).toMatch(/since \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    } finally {
      await killed(holder.child);
    }
  });

  it('GIVEN the holder killed with SIGKILL THEN the next taker gets the lock at once, and what the dead one left is cleared', async () => {
    const file = join(await tempDir(), 'store.json');
    const holder = await takeInChild(file, '--hold', '60000');
    expect(holder.firstLine()).toBe(`held ${holder.child.pid}`);
    await killed(holder.child);
    const started = performance.now();
    const { release, tookOverFrom } = await acquireLock(file);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(tookOverFrom?.pid).toBe(holder.child.pid);
    const left = await readdir(`${file}.lock`);
    expect(left.filter((name) => name.endsWith('.json'))).toHaveLength(1);
    expect(left.filter((name) => name.endsWith('.sock'))).toHaveLength(1);
    await release();
  });

  it('GIVEN a holder whose event loop is blocked THEN it keeps the lock, and gets to release it itself', async () => {
    const file = join(await tempDir(), 'store.json');
    const holder = await takeInChild(file, '--busy', '3000');
    expect(await refusalOf(acquireLock(file))).toContain(`pid ${holder.child.pid}`);
    await once(holder.child, 'exit');
    expect(holder.output()).toBe(`held ${holder.child.pid}\nreleased\n`);
    const { release } = await acquireLock(file);
    await release();
  });

  it('GIVEN a taker that may wait THEN it gets the lock once the holder releases it', async () => {
    const file = join(await tempDir(), 'store.json');
    const holder = await takeInChild(file, '--hold', '500');
    const { release } = await acquireLock(file, { waitMs: 10_000 });
    expect(holder.output()).toContain('released');
    await release();
  });

  it('GIVEN a released lock THEN the same process can take it again, and its own earlier entry is cleared', async () => {
    const file = join(await tempDir(), 'store.json');
    await (await acquireLock(file)).release();
    const { release, tookOverFrom } = await acquireLock(file);
    expect(tookOverFrom).toBeUndefined();
    expect((await readdir(`${file}.lock`)).filter((name) => name.endsWith('.json'))).toEqual(['2.json']);
    await release();
  });

  it('GIVEN twenty takers racing for a dead holder’s lock, fifty times over THEN exactly one holds it each time', async () => {
    const dir = await tempDir();
    for (let round = 0; round < 50; round++) {
      const file = join(dir, `store-${round}.json`);
      await mkdir(`${file}.lock`);
      // A holder that died without a word: its socket is gone.
      await writeFile(
        join(`${file}.lock`, '3.json'),
        JSON.stringify({
          pid: 1,
          command: 'x',
          since: new Date().toISOString(),
          host: hostname(),
          socket: 'dead.sock',
        }),
      );
      const attempts = await Promise.allSettled(Array.from({ length: 20 }, () => acquireLock(file)));
      const held = attempts.filter((a) => a.status === 'fulfilled');
      expect(held).toHaveLength(1);
      for (const refused of attempts.filter((a) => a.status === 'rejected')) {
        expect(String(refused.reason)).toContain('is in use by another twinbot process');
      }
      await (held[0] as PromiseFulfilledResult<Lock>).value.release();
    }
  });

  it('GIVEN a holder on another machine THEN the taker is refused and told how to clear it if that process is gone', async () => {
    const file = join(await tempDir(), 'store.json');
    await mkdir(`${file}.lock`);
    await writeFile(
      join(`${file}.lock`, '1.json'),
      JSON.stringify({
        pid: 77,
        command: 'cli.ts start',
        since: '2026-12-01T08:00:00.000Z',
        host: 'office-server-2',
        bootId: 'another-boot',
        socket: 'abc.sock',
      }),
    );
    const refusal = await refusalOf(acquireLock(file));
    expect(refusal).toContain(
      'is in use by twinbot on office-server-2, pid 77 (cli.ts start), since 2026-12-01 08:00 UTC',
    );
    expect(refusal).toContain(`delete the folder ${file}.lock`);
  });

  it('GIVEN a store path too long for a socket address THEN the lock still works across processes', async () => {
    const deep = join(await tempDir(), 'a-folder-name-long-enough-to-push-the-socket-path'.repeat(2));
    await mkdir(deep);
    const file = join(deep, 'store.json');
    const holder = await takeInChild(file, '--hold', '60000');
    try {
      expect(holder.firstLine()).toBe(`held ${holder.child.pid}`);
      expect(await refusalOf(acquireLock(file))).toContain(`pid ${holder.child.pid}`);
    } finally {
      await killed(holder.child);
    }
    await (await acquireLock(file)).release();
  });
});
