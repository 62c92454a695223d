import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StoreSchema } from '../../src/store/schema.ts';
import { Store } from '../../src/store/store.ts';
import { syntheticStore, tempDir } from '../fixtures/knowledge-base.ts';

const WRITER = fileURLToPath(new URL('./journal-writer.ts', import.meta.url));

/** When to kill: after a delay, or a moment after the compacted store's temp file appears. */
type Moment = { afterMs: number } | { inCompactionMs: number };

/** Runs the writer from `first` and kills it at the moment given; returns the edits it acknowledged. */
async function runKilled(path: string, first: number, moment: Moment): Promise<number[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path, String(first)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  const exited = once(child, 'exit');
  const kill = () => child.kill('SIGKILL');
  let watcher: ReturnType<typeof watch> | undefined;
  // Counted from the first acknowledged edit, so a kill never falls in the writer's start.
  const started = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  await started;
  if ('afterMs' in moment) setTimeout(kill, moment.afterMs);
  else {
    watcher = watch(join(path, '..'), (_event, name) => {
      if (name === '.store.json.tmp') setTimeout(kill, moment.inCompactionMs);
    });
  }
  const [, signal] = await exited;
  watcher?.close();
  expect(signal).toBe('SIGKILL');
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map(Number);
}

describe('the store journal under SIGKILL', () => {
  it('GIVEN a writer killed at random moments in appends and in compactions THEN every acknowledged edit is kept once, the store passes check, and the next writer takes it at once', {
    timeout: 120_000,
  }, async () => {
    const path = join(await tempDir(), 'store.json');
    // Large enough that a compaction takes a while, so kills fall inside it.
    writeFileSync(path, JSON.stringify(StoreSchema.parse(syntheticStore(8_000, 3_000))));
    const moments: Moment[] = [
      { afterMs: 150 },
      { inCompactionMs: 5 },
      { afterMs: 400 },
      { inCompactionMs: 40 },
    ];
    const acknowledged: number[] = [];
    let next = 1;
    for (const [round, moment] of moments.entries()) {
      const done = await runKilled(path, next, moment);
      acknowledged.push(...done);
      const checked = await Store.open(path, { validate: 'full' }).catch((error: Error) => {
        throw new Error(`round ${round} (${JSON.stringify(moment)}): ${error.message}`);
      });
      const staff = checked.catalog.data.settings.staff;
      for (const n of acknowledged) expect(staff, `round ${round}: slack:U${n}`).toContain(`slack:U${n}`);
      // Never applied twice: each added staff member has one audit entry.
      expect(checked.catalog.data.audit.length).toBe(staff.length);
      expect(new Set(staff).size).toBe(staff.length);
      const writer = await Store.open(path, { lock: true, lockWaitMs: 0 });
      await writer.close();
      next = Math.max(next, ...done) + 1 + 1;
    }
    expect(acknowledged.length).toBeGreaterThan(moments.length);
  });
});
