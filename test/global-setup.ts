import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One temp folder for the whole run, given to every test and every twinbot process the tests start
 * (TMPDIR): their stores, journals and code caches go in it, and it goes when the run ends. Before,
 * each run left some thousand folders in the system's temp folder.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'twinbot-tests-'));
  process.env.TMPDIR = dir;
  return () => rm(dir, { recursive: true, force: true });
}
