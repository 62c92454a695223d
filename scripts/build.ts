// Builds dist/: src/cli.ts bundled with its dependencies into ES modules split into chunks, one per
// lazily loaded piece (each `twinbot` command, Slack, Discord, the calendar...), so a command loads
// only what it runs. Why a bundle and not tsc's output: test/bench/cli.bench.ts measures both.
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

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

/** Builds into `outdir` (default dist/). */
export async function buildCli(outdir = join(root, 'dist')): Promise<void> {
  await rm(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [join(root, 'src/cli.ts')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Bundled CommonJS packages call require(), which ES modules do not have.
    banner: {
      js: "import { createRequire as __twinbotRequire } from 'node:module'; const require = __twinbotRequire(import.meta.url);",
    },
    plugins: [zodEnglishOnly],
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
