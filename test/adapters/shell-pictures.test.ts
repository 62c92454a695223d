import { spawn } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultPictureDir, splitOut } from '../../src/adapters/picture-file.ts';
import { runShell } from '../../src/adapters/shell.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { capturedLog } from '../fixtures/captured-log.ts';
import { dispatcherFor, tempDir } from '../fixtures/knowledge-base.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

async function seedDispatcher() {
  const seed = JSON.parse(await readFile(SEED_PATH, 'utf8')) as StoreInput;
  return (await dispatcherFor({ ...seed, settings: { ...seed.settings, world: false } })).dispatcher;
}

/** Answers the lines in the shell as piped input does, and returns what it printed. */
async function shell(
  lines: string[],
  options: Partial<Parameters<typeof runShell>[1]> = {},
): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const done = runShell(await seedDispatcher(), { input, output, interactive: false, ...options });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed;
}

const isPng = async (path: string) =>
  [...(await readFile(path)).subarray(0, 8)].join() === PNG_SIGNATURE.join();

describe('pictures in the shell and twinbot ask', () => {
  it('GIVEN `--out FILE` at the end of a line THEN the text answer, then the PNG written there and its path', async () => {
    const out = join(await tempDir(), 'prague.png');
    const printed = await shell([`map Prague --out ${out}`]);
    expect(printed).toContain('Map of the partner cities of Prague');
    expect(printed).toContain(`Picture saved to ${out}`);
    expect(await isPng(out)).toBe(true);
  }, 30_000);

  it('GIVEN no --out THEN the PNG goes to the default folder under its own name, said in the reader language', async () => {
    const printed = await shell(['anniversaries chart 2027'], { lang: 'de' });
    const saved = /Bild gespeichert unter (\S+)/.exec(printed)?.[1];
    expect(saved?.startsWith(defaultPictureDir())).toBe(true);
    expect(await isPng(saved ?? '')).toBe(true);
  }, 30_000);

  it('GIVEN a drawing that fails THEN the text answer with a note, no file, and the failure logged', async () => {
    const { log, lines } = capturedLog('info');
    const printed = await shell(['timeline prague shanghai'], {
      draw: () => Promise.reject(new Error('no fonts')),
      log,
    });
    expect(printed).toContain('17 May 2017 — signed');
    expect(printed).toContain(
      'The picture could not be shown this time; the answer has the same facts in words.',
    );
    expect(printed).not.toContain('Picture saved');
    expect(lines.some((line) => line.includes('picture: could not draw a timeline: no fonts'))).toBe(true);
  });

  it('GIVEN a line THEN only a trailing `--out FILE` is taken off it', () => {
    expect(splitOut('map Prague --out a.png')).toEqual({ text: 'map Prague', out: 'a.png' });
    expect(splitOut('map Prague')).toEqual({ text: 'map Prague' });
    expect(splitOut('search --out')).toEqual({ text: 'search --out' });
  });

  it('GIVEN `twinbot ask --out FILE` THEN the PNG is written and its path printed; an unwritable file fails the command after the answer', async () => {
    const dir = await tempDir();
    const data = join(dir, 'store.json');
    await copyFile(SEED_PATH, data);
    const ask = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'ask', '--data', data, ...args], {
          env: { ...process.env, NO_COLOR: '1' },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
        });
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const out = join(dir, 'timeline.png');
    const written = await ask(['--out', out, 'timeline prague shanghai']);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`Picture saved to ${out}`);
    expect(await isPng(out)).toBe(true);
    const missing = join(dir, 'no-such-folder', 'timeline.png');
    const refused = await ask(['--out', missing, 'timeline prague shanghai']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Timeline: Prague – Shanghai');
    expect(refused.stderr).toContain(`The picture could not be saved to ${missing} (`);
  }, 60_000);
});
