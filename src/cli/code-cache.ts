import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { cacheFileName, readPrivateCache, writePrivateCache } from '../store/private-cache.ts';

export interface LoadedBundle {
  readonly exports: Readonly<Record<string, unknown>>;
  /** Whether V8 took the code an earlier run compiled instead of compiling the bundle again. */
  readonly fromCache: boolean;
}

/** This user's folder: another user's cache could hold any code, and it would be run as it is. */
export const CODE_CACHE_DIR = join(tmpdir(), `twinbot-code-cache-${process.getuid?.() ?? 'user'}`);

/**
 * Runs a command's built bundle (CommonJS, see scripts/build.ts) with V8's code cache: what V8
 * compiled in the last run of the same file is kept in `cacheDir`, so a start reads it instead of
 * compiling some megabyte of code again. Node 22 does this for ES modules (module.enableCompileCache,
 * src/cli.ts); Node 20 has only vm.Script's cache, for a script. The cache is written as the process
 * ends, so it holds the functions that ran as well; a folder that cannot be written leaves every start
 * compiling, as without it. `provided` names modules the bundle takes from its caller instead of its
 * own copy (the error classes the entry recognises).
 */
export function loadBundle(
  file: URL,
  provided: Readonly<Record<string, unknown>>,
  cacheDir = CODE_CACHE_DIR,
): LoadedBundle {
  const path = fileURLToPath(file);
  const source = readFileSync(path, 'utf8');
  const cacheFile = cacheName(path);
  const cachedData = readPrivateCache(cacheDir, cacheFile);
  // Node's own wrapper for CommonJS, and the bundle's import.meta.url (esbuild's `define`).
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, __twinbotUrl) {${source}\n})`,
    { filename: path, ...(cachedData && { cachedData }) },
  );
  const fromCache = cachedData !== undefined && script.cachedDataRejected !== true;
  if (!fromCache)
    process.once('exit', () => writePrivateCache(cacheDir, cacheFile, script.createCachedData()));
  const nodeRequire = createRequire(file);
  const require = Object.assign(
    (id: string): unknown => (Object.hasOwn(provided, id) ? provided[id] : nodeRequire(id)),
    nodeRequire,
  );
  const module = { exports: {} as Record<string, unknown> };
  script.runInThisContext()(module.exports, require, module, path, dirname(path), file.href);
  return { exports: module.exports, fromCache };
}

/**
 * The file as built: V8 checks a cache against the length of the source only, so a rebuilt or
 * reinstalled bundle (another size, time or inode) must not meet the cache of the one before. The
 * name starts with the bundle's path, so a new build's cache replaces the old one's (see
 * writePrivateCache).
 */
function cacheName(path: string): string {
  const { size, mtimeMs, ino } = statSync(path);
  const build = [size, mtimeMs, ino, process.version, process.arch].join('\0');
  return cacheFileName(path, build, 'bin');
}
