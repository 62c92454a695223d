import { spawn } from 'node:child_process';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

const root = join(import.meta.dirname, '..', '..');
const TSX = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const WRONG_TOKEN = 'xoxp-a-user-token-not-a-bot-token-4242';

/** `twinbot start` run in `cwd` (where a `.env` may lie), with stdin closed: the shell would end at once. */
function startIn(cwd: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const base = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(SLACK|DISCORD)_/.test(name)),
    );
    const child = spawn(
      process.execPath,
      ['--import', TSX, join(root, 'src', 'cli.ts'), 'start', '--data', join(cwd, 'twinning.json')],
      { cwd, stdio: 'pipe', env: { ...base, NO_COLOR: '1', ...env } },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end();
  });
}

async function dirWithEnvFile(text: string): Promise<string> {
  const dir = await tempDir();
  await copyFile(SEED_PATH, join(dir, 'twinning.json'));
  await writeFile(join(dir, '.env'), text);
  return dir;
}

describe('.env in the working directory', () => {
  it('GIVEN a wrong token and a short Discord token in .env THEN start stops naming both, echoing neither', async () => {
    const dir = await dirWithEnvFile(
      `# settings\nSLACK_BOT_TOKEN=${WRONG_TOKEN}\nSLACK_SIGNING_SECRET=a-signing-secret\nDISCORD_TOKEN=short\nDISCORD_APPLICATION_ID=123456789\n`,
    );
    const { code, output } = await startIn(dir, {});
    expect(code).toBe(1);
    expect(output).toContain('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
    expect(output).toContain('DISCORD_TOKEN must be the bot token');
    expect(output).not.toContain(WRONG_TOKEN);
    expect(output).not.toContain('a-signing-secret');
  }, 30_000);

  it('GIVEN a variable set in the environment too THEN the environment wins over .env', async () => {
    const dir = await dirWithEnvFile(`DISCORD_TOKEN=short\nDISCORD_APPLICATION_ID=not-a-number\n`);
    const { code, output } = await startIn(dir, { DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '' });
    // Both set empty in the environment: unset, so no platform starts and the shell runs and ends.
    expect(output).not.toContain('DISCORD');
    expect(code).toBe(0);
  }, 30_000);
});
