import { execFile } from 'node:child_process';
import { chmod, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/knowledge-base.ts';

const run = promisify(execFile);
const codeCache = pathToFileURL(join(import.meta.dirname, '..', '..', 'src', 'cli', 'code-cache.ts')).href;

let dir: string;
let bundle: string;
let cacheDir: string;
let runner: string;

/** A bundle as the build writes one: CommonJS, naming its URL and a module its caller provides. */
const bundleText = (word: string) =>
  `module.exports.answer = () => [${JSON.stringify(word)}, require('shared').word, __twinbotUrl.startsWith('file:')].join(' ');\n`;

beforeEach(async () => {
  dir = await tempDir();
  bundle = join(dir, 'verb.cjs');
  cacheDir = join(dir, 'cache');
  runner = join(dir, 'run.mts');
  await writeFile(bundle, bundleText('first'));
  await writeFile(
    runner,
    `import { loadBundle } from ${JSON.stringify(codeCache)};\n` +
      'const [file, cacheDir] = process.argv.slice(2);\n' +
      "const { exports, fromCache } = loadBundle(new URL(file), { shared: { word: 'provided' } }, cacheDir);\n" +
      'console.log(JSON.stringify({ answer: exports.answer(), fromCache }));\n',
  );
});

/** One process that loads the bundle, answers, and ends (which writes the cache). */
async function start(): Promise<{ answer: string; fromCache: boolean }> {
  const { stdout } = await run(process.execPath, [
    '--import',
    'tsx',
    runner,
    pathToFileURL(bundle).href,
    cacheDir,
  ]);
  return JSON.parse(stdout);
}

describe('a command bundle run with the code cache', () => {
  it('GIVEN a bundle run once THEN the next start takes its compiled code from the cache, and answers the same', async () => {
    expect(await start()).toEqual({ answer: 'first provided true', fromCache: false });
    expect(await start()).toEqual({ answer: 'first provided true', fromCache: true });
  });

  it('GIVEN the bundle rebuilt at the same length THEN the next start compiles the new code instead of running the old, whose cache it replaces', async () => {
    await start();
    await writeFile(bundle, bundleText('again'));
    const later = new Date(Date.now() + 5000);
    await utimes(bundle, later, later);
    expect(await start()).toEqual({ answer: 'again provided true', fromCache: false });
    // The old build's cache is gone with it: one file per bundle, however often it is rebuilt.
    expect((await readdir(cacheDir)).length).toBe(1);
    expect(await start()).toEqual({ answer: 'again provided true', fromCache: true });
  });

  it('GIVEN a cache folder that others may write to THEN its cache is not run', async () => {
    await start();
    await chmod(cacheDir, 0o777);
    expect(await start()).toEqual({ answer: 'first provided true', fromCache: false });
  });

  it('GIVEN a cache folder that cannot be made (its parent is missing) THEN every start answers, compiling as without a cache', async () => {
    cacheDir = join(dir, 'missing', 'cache');
    expect(await start()).toEqual({ answer: 'first provided true', fromCache: false });
    expect(await start()).toEqual({ answer: 'first provided true', fromCache: false });
  });
});
