import { execFile } from 'node:child_process';
import { copyFile, readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build.ts';
import { PICTURE_ASSETS } from '../../src/render/pictures/assets.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
// Inside the package like dist/, so the built code finds data/ the way an installed copy does.
const out = join(root, 'node_modules', '.cache', 'twinbot-build-test');
const cli = join(out, 'cli.js');

describe('the build (dist/) that npm start and bin.twinbot run', () => {
  beforeAll(() => buildCli(out), 60_000);

  it('GIVEN the built CLI THEN it runs under plain node and answers a question', async () => {
    const store = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, store);
    const { stdout } = await run(process.execPath, [cli, 'ask', '--data', store, 'partners kitakami']);
    expect(stdout).toContain('Partner cities of Kitakami');
    expect(stdout).toContain('Concord, California');
  });

  it('GIVEN --lang de THEN the built CLI answers in German, from a catalog file that no bundle carries', async () => {
    const store = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, store);
    const { stdout } = await run(process.execPath, [
      cli,
      'ask',
      '--data',
      store,
      '--lang',
      'de',
      'agreement prague shanghai',
    ]);
    expect(stdout).toContain('beendet durch Shanghai am 14. Januar 2020');
    // Each language but English is read when a process first answers in it, not loaded with the code.
    const bundles = (await readdir(out, { recursive: true })).filter((file) => /\.c?js$/.test(file));
    const german = JSON.stringify((await import('../../src/i18n/catalogs/de.json')).default.agreement.side);
    for (const file of bundles) expect(await readFile(join(out, file), 'utf8'), file).not.toContain(german);
  });

  it('GIVEN a question in plain words THEN the built CLI reads the stop words of our languages from a file beside the bundles', async () => {
    const store = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, store);
    const { stdout } = await run(process.execPath, [
      cli,
      'ask',
      '--data',
      store,
      'is prague still twinned with shanghai?',
    ]);
    expect(stdout).toContain('No: Shanghai ended the partnership');
    const lists = JSON.parse(await readFile(join(out, 'stop-words.json'), 'utf8')) as Record<
      string,
      string[]
    >;
    expect(Object.keys(lists)).toEqual(['en', 'de', 'fr', 'es', 'cs', 'ja', 'zh']);
    expect(lists.de).toContain('wann');
    // stopwords-iso's sixty languages bundled into every verb made every cold start slower.
    const bundles = (await readdir(out, { recursive: true })).filter((file) => /\.c?js$/.test(file));
    for (const file of bundles)
      expect(await readFile(join(out, file), 'utf8'), file).not.toContain('"akasema"');
  });

  it('GIVEN the built CLI THEN it finds the shipped seed in data/ (init copies it)', async () => {
    const store = join(await tempDir(), 'new.json');
    await run(process.execPath, [cli, 'init', '--data', store]);
    expect(JSON.parse(await readFile(store, 'utf8')).partnerships).toEqual(
      JSON.parse(await readFile(SEED_PATH, 'utf8')).partnerships,
    );
  });

  it('GIVEN a store error raised in a command’s own bundle THEN the entry knows it: one line, exit 2', async () => {
    const missing = join(await tempDir(), 'missing.json');
    const failed = await run(process.execPath, [cli, 'ask', '--data', missing, 'partners kitakami']).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toBe(
      `twinbot: ${missing}: no such file. Create it with \`twinbot init --data ${missing}\`.\n`,
    );
  });

  it('GIVEN the build THEN dist/pictures/ holds what pictures read (the container has no node_modules)', async () => {
    const require = createRequire(import.meta.url);
    for (const [name, from] of Object.entries(PICTURE_ASSETS)) {
      const copied = await stat(join(out, 'pictures', name));
      expect(copied.size, name).toBe((await stat(require.resolve(from))).size);
    }
    expect(await readFile(join(out, 'pictures', 'OFL.txt'), 'utf8')).toContain(
      'SIL Open Font License, Version 1.1',
    );
  });

  it('GIVEN a Chinese question with a name written as Chinese writes it THEN the built CLI reads it with the converter it carries in dist/vendor/ (the container has no node_modules)', async () => {
    const store = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, store);
    const { stdout } = await run(process.execPath, [cli, 'ask', '--data', store, '七饭町的友好城市']);
    expect(stdout).toContain('Nanae');
    expect(stdout).toContain('Concord');
    for (const file of ['wanakana.cjs', 'pinyin-pro.cjs', 'opencc-js-cn2t.cjs'])
      expect((await stat(join(out, 'vendor', file))).size, file).toBeGreaterThan(10_000);
  });

  it('GIVEN the build THEN every bundle is written in Latin-1 alone (else V8 keeps its whole source at two bytes a character), and Chinese and Japanese questions still read', async () => {
    const bundles = (await readdir(out, { recursive: true })).filter((file) => /\.c?js$/.test(file));
    const beyond = [];
    for (const file of bundles)
      if (/[\u0100-\uffff]/.test(await readFile(join(out, file), 'utf8'))) beyond.push(file);
    expect(beyond).toEqual([]);
    const store = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, store);
    // The reader's patterns in these scripts are regular expressions, which esbuild leaves unescaped.
    const asked = async (text: string) =>
      (await run(process.execPath, [cli, 'ask', '--data', store, text])).stdout;
    expect(await asked('上海和布拉格还是友好城市吗？')).toContain('否');
    // "…のはどこ" ("the one that … is where?") asks which city: a pattern with kana in it.
    expect(await asked('上海と別れたのはどこ？')).toContain('Shanghaiの姉妹都市');
  });

  it('GIVEN two runs of ask THEN the first leaves the code V8 compiled in the temp folder and the second runs it instead of compiling', async () => {
    const store = join(await tempDir(), 'twinning.json');
    await copyFile(SEED_PATH, store);
    const tmp = await tempDir();
    const ask = () =>
      run(process.execPath, [cli, 'ask', '--data', store, 'partners kitakami'], {
        env: { ...process.env, TMPDIR: tmp },
      });
    await ask();
    const caches = (await readdir(tmp, { recursive: true })).filter((file) => file.endsWith('.bin'));
    expect(caches).toHaveLength(1);
    const cache = join(tmp, caches[0] ?? '');
    const written = (await stat(cache)).mtimeMs;
    expect((await ask()).stdout).toContain('Partner cities of Kitakami');
    // A start that compiled the bundle writes the cache as it ends; one that ran the cache leaves it.
    expect((await stat(cache)).mtimeMs).toBe(written);
  });

  it('GIVEN the built CLI THEN it starts with a hashbang, so bin.twinbot runs it with node', async () => {
    expect((await readFile(cli, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
