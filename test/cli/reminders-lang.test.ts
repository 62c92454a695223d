import { spawn } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../src/store/paths.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/** The real `twinbot` in a child process, with the shell's language as given. */
function twinbot(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', NO_COLOR: '1', ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('twinbot reminders simulate in the reader language', () => {
  it('GIVEN LANG=de_DE THEN the notes and the late mark are German, the posts’ ids and numbers as in English', async () => {
    const data = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, data);
    const args = ['reminders', 'simulate', '--data', data, '--from', '2027-06-02', '--to', '2027-06-04'];
    const run = await twinbot([...args, '--down', '2027-06-03..2027-06-03'], { LANG: 'de_DE.UTF-8' });
    expect(run.out).toBe(
      [
        '# keine Erinnerungsziele im Datenbestand: simuliert wird ein Konsolenziel um 09:00 UTC',
        '2027-06-02 09:00 UTC console buffalo-us--rzeszow-pl 52 0',
        '2027-06-04 00:00 UTC console le-mans-fr--paderborn-de 60 0 verspätet',
        '# 2 gesendet, 0 verpasst',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(0);
  });

  it('GIVEN --lang ja and a date in the wrong form THEN the usage error is Japanese', async () => {
    const run = await twinbot(
      ['reminders', 'simulate', '--lang', 'ja', '--from', '3.6.2027', '--to', '2027-06-04'],
      {},
    );
    expect(run.out).toContain('--from は YYYY-MM-DD 形式の日付で指定してください（「3.6.2027」は不可）');
    expect(run.code).toBe(1);
  });
});
