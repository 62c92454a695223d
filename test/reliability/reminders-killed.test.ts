import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StoreInput } from '../../src/store/schema.ts';
import { storeFrom, tempDir } from '../fixtures/knowledge-base.ts';

const POSTER = fileURLToPath(new URL('./reminder-poster.ts', import.meta.url));
const PAIRS = 12;

/** Twelve partnerships signed on 3 June 1990: twelve reminders due at once for one console target. */
function manyDueOnOneDay(): StoreInput {
  const cities = Array.from({ length: PAIRS + 1 }, (_, i) => ({
    id: `c${i}-cz`,
    name: `C${i}`,
    country: 'CZ',
  }));
  return {
    version: 1,
    cities,
    partnerships: Array.from({ length: PAIRS }, (_, i) => ({
      id: `c0-cz--c${i + 1}-cz`,
      cities: ['c0-cz', `c${i + 1}-cz`],
      milestones: [{ kind: 'signing', date: '1990-06-03' }],
    })),
    reminders: { targets: [{ id: 'console', timeZone: 'UTC', postAt: '09:00', leads: [0] }] },
  };
}

async function lines(path: string): Promise<string[]> {
  return (await readFile(path, 'utf8').catch(() => '')).split('\n').filter((l) => l !== '');
}

/** Runs the poster; with `killAfter`, SIGKILLs it once that many posts have gone out. */
async function runPoster(store: string, posts: string, killAfter?: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', POSTER, store, posts], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  if (killAfter !== undefined) {
    await expect.poll(() => lines(posts), { timeout: 20_000, interval: 5 }).toHaveLength(killAfter);
    child.kill('SIGKILL');
  }
  await exited;
  return output;
}

describe('reminders when the bot is killed mid-batch', () => {
  it.each([1, 5])(
    'GIVEN a bot killed by SIGKILL after post %i of a day’s twelve THEN the restarted bot posts the rest, and no reminder twice',
    { timeout: 60_000 },
    async (killAfter) => {
      const store = (await storeFrom(manyDueOnOneDay())).path;
      const posts = join(await tempDir(), 'posts.txt');
      await runPoster(store, posts, killAfter);
      const output = await runPoster(store, posts);
      expect(output).toMatch(/^done, [01] unconfirmed\n$/);
      const posted = await lines(posts);
      expect(new Set(posted).size).toBe(posted.length);
      // At most the one under way at the kill is settled as unconfirmed instead of posted.
      expect(posted.length).toBeGreaterThanOrEqual(PAIRS - 1);
      // A third run, as after another restart, posts nothing more.
      await runPoster(store, posts);
      expect(await lines(posts)).toEqual(posted);
    },
  );
});
