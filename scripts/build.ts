// Builds dist/: the `twinbot` entry (src/cli.ts) and, beside it, one bundle per command
// (dist/verbs/<name>/<name>.cjs), each one file with its dependencies, which the entry runs with
// V8's code cache (src/cli/code-cache.ts): compiling some megabyte of code at every start was a
// third of a cold `twinbot ask`, and Node 20 keeps no compiled code for ES modules. A part a command
// loads lazily (Slack, Discord, the calendar...) is in its file but evaluated only when first used.
// Why a bundle and not tsc's output: test/bench/cli.bench.ts measures both.
import { randomUUID } from 'node:crypto';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { STOP_WORD_LANGUAGES } from '../src/core/question/common-words.ts';
import { ROMANISER_PACKAGES } from '../src/core/question/romaniser-packages.ts';
import { STOP_WORDS_FILE } from '../src/core/question/stop-words-file.ts';
import { PICTURE_ASSETS } from '../src/render/pictures/assets.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** A plugin that gives one of our modules the built code's own contents (files found beside the bundles). */
function replaceModule(name: string, filter: RegExp, contents: string, resolveDir?: string): Plugin {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, () => ({ contents, loader: 'ts', ...(resolveDir && { resolveDir }) }));
    },
  };
}

/**
 * zod's entry modules load every one of its ~40 message locales (`z.locales`), half of its code;
 * twinbot uses zod's English messages only, so the bundle carries that one.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir)
        ? { path: 'zod-locales', namespace: 'zod-english-only' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: dirname(require.resolve('zod/v4/locales/en.js')),
      loader: 'js',
    }));
  },
};

/**
 * Each catalog but English stays a file of its own, read by the process that needs that language
 * (src/i18n/translator.ts): the build copies them to dist/catalogs/ and points src/i18n/catalog-dir.ts
 * there. Every module that reads them lands in a command's folder, dist/verbs/<name>/, two levels down.
 */
const CATALOGS = join(root, 'src/i18n/catalogs');
const catalogsBesideBundles = replaceModule(
  'twinbot-catalogs',
  /[\\/]src[\\/]i18n[\\/]catalog-dir\.ts$/,
  "export const CATALOG_DIR = new URL('../../catalogs/', import.meta.url);",
);

/**
 * The stop-word lists are read on a verb's first question (src/core/question/common-words.ts): the
 * build writes only our languages' lists beside the bundles and points the module there.
 */
const stopWordsBesideBundles = replaceModule(
  'twinbot-stop-words',
  /[\\/]src[\\/]core[\\/]question[\\/]stop-words-file\.ts$/,
  "export const STOP_WORDS_FILE = new URL('../../stop-words.json', import.meta.url);",
);

/**
 * The pictures' files (resvg's WebAssembly, Natural Earth shapes, the Noto fonts and their licence)
 * are copied from their npm packages to dist/pictures/, since the container has no node_modules;
 * src/render/pictures/asset-dir.ts is pointed there, two levels up from a command's bundle as above.
 */
const picturesBesideBundles = replaceModule(
  'twinbot-pictures',
  /[\\/]src[\\/]render[\\/]pictures[\\/]asset-dir\.ts$/,
  "import type { PictureAsset } from './assets.ts';\n" +
    "export const assetUrl = (asset: PictureAsset): URL => new URL('../../pictures/' + asset, import.meta.url);",
  join(root, 'src/render/pictures'),
);

/**
 * The romanisers (src/core/question/romaniser-packages.ts) are required on the first kana or hanzi
 * name, not imported, so each command's bundle does without them: the build bundles each into
 * dist/vendor/ and points the loader there, two levels up from a command's bundle as above.
 */
const vendorFile = (name: string): string => `${name.replace('/', '-')}.cjs`;
const romanisersBesideBundles = replaceModule(
  'twinbot-romanisers',
  /[\\/]src[\\/]core[\\/]question[\\/]romaniser-packages\.ts$/,
  "import { createRequire } from 'node:module';\n" +
    `export const ROMANISER_PACKAGES = ${JSON.stringify(ROMANISER_PACKAGES)};\n` +
    'const load = createRequire(import.meta.url);\n' +
    `const FILES: Record<string, string> = ${JSON.stringify(Object.fromEntries(ROMANISER_PACKAGES.map((name) => [name, vendorFile(name)])))};\n` +
    "export const requireRomaniser = (name: string): unknown => load('../../vendor/' + FILES[name]);",
);

/**
 * The id of this build (src/cli/build-id.ts), one for all its bundles: what a run keeps for the next
 * one is not read by another build, which may derive it otherwise.
 */
const buildIdOf = (id: string): Plugin =>
  replaceModule(
    'twinbot-build-id',
    /[\\/]src[\\/]cli[\\/]build-id\.ts$/,
    `export const BUILD_ID = ${JSON.stringify(id)};`,
  );

function bundleRomanisers(outdir: string): Promise<unknown>[] {
  return ROMANISER_PACKAGES.map((name) =>
    build({
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minifyWhitespace: true,
      minifySyntax: true,
      outfile: join(outdir, 'vendor', vendorFile(name)),
      logLevel: 'warning',
    }),
  );
}

async function writeStopWords(outdir: string): Promise<void> {
  const lists = JSON.parse(await readFile(STOP_WORDS_FILE, 'utf8')) as Record<string, string[]>;
  const ours = Object.fromEntries(STOP_WORD_LANGUAGES.map((lang) => [lang, lists[lang] ?? []]));
  await writeFile(join(outdir, 'stop-words.json'), JSON.stringify(ours));
}

function copyPictureAssets(outdir: string): Promise<void>[] {
  return Object.entries(PICTURE_ASSETS).map(([name, from]) =>
    cp(require.resolve(from), join(outdir, 'pictures', name)),
  );
}

/**
 * The modules that the entry and the commands share (see src/cli/shared.ts): a command's bundle
 * requires them by one name, which the entry answers with its own modules, so a StoreFileError
 * thrown by `ask` is the class the entry catches, not a copy of it.
 */
const SHARED = new Set(
  ['src/cli/options.ts', 'src/config-result.ts', 'src/store/errors.ts'].map((path) => join(root, path)),
);

/** How a command's bundle names the shared modules, which the entry hands it (see commandBundles). */
const SHARED_FROM_COMMAND = '../../shared.js';

const fromShared = (sharedPath: string): Plugin => ({
  name: 'twinbot-shared',
  setup(b) {
    b.onResolve({ filter: /\.ts$/ }, (args) =>
      SHARED.has(resolve(args.resolveDir, args.path)) ? { path: sharedPath, external: true } : undefined,
    );
  },
});

/**
 * `import('./cli/verbs/ask.ts')` in the entry runs the command's own bundle through V8's code cache
 * (src/cli/code-cache.ts), handing it the entry's shared modules. The entry asks for the command's
 * function by name, so the names are read from the command's module (`export async function ask`).
 */
const commandBundles: Plugin = {
  name: 'twinbot-command-bundles',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli\/verbs\/[a-z-]+\.ts$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path),
      namespace: 'twinbot-command',
    }));
    b.onLoad({ filter: /.*/, namespace: 'twinbot-command' }, async (args) => {
      const name = basename(args.path, '.ts');
      const source = await readFile(args.path, 'utf8');
      const names = [...source.matchAll(/^export (?:async )?function (\w+)/gm)].map(([, fn]) => fn);
      if (names.length === 0) throw new Error(`${args.path} exports no function`);
      const bundle = `./verbs/${name}/${name}.cjs`;
      return {
        contents:
          `import * as shared from ${JSON.stringify(join(root, 'src/cli/shared.ts'))};\n` +
          `import { loadBundle } from ${JSON.stringify(join(root, 'src/cli/code-cache.ts'))};\n` +
          `const { exports } = loadBundle(new URL(${JSON.stringify(bundle)}, import.meta.url), { ${JSON.stringify(SHARED_FROM_COMMAND)}: shared });\n` +
          names.map((fn) => `export const ${fn} = exports.${fn};\n`).join(''),
        loader: 'js',
        resolveDir: root,
      };
    });
  },
};

const common: BuildOptions = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS packages call require(), which ES modules do not have.
  banner: {
    js: "import { createRequire as __twinbotRequire } from 'node:module'; const require = __twinbotRequire(import.meta.url);",
  },
  logLevel: 'warning',
  // Less text for V8 to read and compile at every start (7% of a cold `ask`); names are kept, so a
  // stack trace still says which function failed.
  minifyWhitespace: true,
  minifySyntax: true,
};

/** Builds into `outdir` (default dist/). */
export async function buildCli(outdir = join(root, 'dist')): Promise<void> {
  await rm(outdir, { recursive: true, force: true });
  const verbs = (await readdir(join(root, 'src/cli/verbs'))).filter((name) => name.endsWith('.ts'));
  const buildId = randomUUID();
  await Promise.all([
    build({
      ...common,
      entryPoints: { cli: join(root, 'src/cli.ts'), shared: join(root, 'src/cli/shared.ts') },
      outdir,
      plugins: [commandBundles],
    }),
    ...verbs.map((file) =>
      build({
        ...common,
        // One CommonJS file, which src/cli/code-cache.ts runs with V8's code cache (Node 20 has
        // none for ES modules); a part loaded lazily is still evaluated only when first used.
        format: 'cjs',
        splitting: false,
        banner: {},
        define: { 'import.meta.url': '__twinbotUrl' },
        entryPoints: [join(root, 'src/cli/verbs', file)],
        outfile: join(outdir, 'verbs', basename(file, '.ts'), `${basename(file, '.ts')}.cjs`),
        plugins: [
          zodEnglishOnly,
          catalogsBesideBundles,
          stopWordsBesideBundles,
          picturesBesideBundles,
          romanisersBesideBundles,
          buildIdOf(buildId),
          fromShared(SHARED_FROM_COMMAND),
        ],
      }),
    ),
    cp(CATALOGS, join(outdir, 'catalogs'), { recursive: true, filter: (path) => !path.endsWith('en.json') }),
    ...copyPictureAssets(outdir),
    ...bundleRomanisers(outdir),
  ]);
  await writeStopWords(outdir);
  await escapeBeyondLatin1(outdir);
}

const BEYOND_LATIN1 = /[\u0100-\uffff]/g;

/**
 * Writes each character of the bundles beyond Latin-1 as a \u escape. esbuild escapes them in
 * strings but not in regular expressions (the question reader's Chinese and Japanese patterns), and
 * one such character makes V8 keep a bundle's whole source at two bytes a character: the `start`
 * bundle's 6.5 million characters took 13 MB of the running bot's heap for 422 of them. In a string,
 * and in a regular expression with or without `u`, the escape means the character it replaces; after
 * a backslash it would not, so the build stops there instead.
 */
async function escapeBeyondLatin1(outdir: string): Promise<void> {
  const files = (await readdir(outdir, { recursive: true })).filter((file) => /\.c?js$/.test(file));
  await Promise.all(
    files.map(async (file) => {
      const path = join(outdir, file);
      const source = await readFile(path, 'utf8');
      if (!source.match(BEYOND_LATIN1)) return;
      if (/\\[\u0100-\uffff]/.test(source))
        throw new Error(
          `${file}: a character beyond Latin-1 after a backslash, which an escape would change`,
        );
      const escaped = source.replace(
        BEYOND_LATIN1,
        (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      await writeFile(path, escaped);
    }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
