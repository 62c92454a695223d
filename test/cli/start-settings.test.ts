import { spawn } from 'node:child_process';
import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

const root = join(import.meta.dirname, '..', '..');
const TSX = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const SHORT_DISCORD_TOKEN = 'discord-token-short';
const WEAK_CALENDAR_TOKEN = 'calendar-secret';

it('GIVEN three wrong variables THEN start names all three, echoes none, exits 1 and starts nothing', async () => {
  const dir = await tempDir();
  await copyFile(SEED_PATH, join(dir, 'twinning.json'));
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(SLACK_|DISCORD_|HEALTH_|CALENDAR_TOKEN|SNAPSHOT_DAYS)/.test(name),
    ),
  );
  const child = spawn(
    process.execPath,
    ['--import', TSX, join(root, 'src', 'cli.ts'), 'start', '--data', join(dir, 'twinning.json')],
    {
      cwd: dir,
      stdio: 'pipe',
      env: {
        ...base,
        NO_COLOR: '1',
        DISCORD_TOKEN: SHORT_DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: '123456789',
        SNAPSHOT_DAYS: 'two weeks',
        CALENDAR_TOKEN: WEAK_CALENDAR_TOKEN,
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  child.stdin.end();
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });

  expect(code).toBe(1);
  expect(output).toContain('twinbot: 3 configuration problems:');
  expect(output).toContain('  - DISCORD_TOKEN must be the bot token');
  expect(output).toContain('  - SNAPSHOT_DAYS must be a whole number of days');
  expect(output).toContain('  - CALENDAR_TOKEN must be at least 32 letters');
  for (const value of [SHORT_DISCORD_TOKEN, 'two weeks', WEAK_CALENDAR_TOKEN])
    expect(output).not.toContain(value);
  // A started bot would have made its ledger and today's snapshot beside the store.
  expect(await readdir(dir)).toEqual(['twinning.json']);
}, 30_000);
