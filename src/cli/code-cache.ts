import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

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
  const cachePath = join(cacheDir, cacheName(path));
  const cachedData = readCache(cacheDir, cachePath);
  // Node's own wrapper for CommonJS, and the bundle's import.meta.url (esbuild's `define`).
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, __twinbotUrl) {${source}\n})`,
    { filename: path, ...(cachedData && { cachedData }) },
  );
  const fromCache = cachedData !== undefined && script.cachedDataRejected !== true;
  if (!fromCache) process.once('exit', () => writeCache(script, cacheDir, cachePath));
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
 * name starts with the bundle's path, so a new build's cache replaces the old one's (see writeCache).
 */
function cacheName(path: string): string {
  const { size, mtimeMs, ino } = statSync(path);
  const build = [size, mtimeMs, ino, process.version, process.arch].join('\0');
  return `${digest(path)}.${digest(build)}.bin`;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Only from a folder of this user's that no one else may write to. */
function readCache(cacheDir: string, cachePath: string): Buffer | undefined {
  try {
    const folder = statSync(cacheDir);
    if (folder.uid !== process.getuid?.() || (folder.mode & 0o022) !== 0) return undefined;
    return readFileSync(cachePath);
  } catch {
    return undefined;
  }
}

function writeCache(script: Script, cacheDir: string, cachePath: string): void {
  try {
    // Not `recursive`: the temp folder is there, or there is no cache (and Node 20's recursive
    // mkdir never returns under /proc).
    try {
      mkdirSync(cacheDir, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // Renamed into place, so a process starting meanwhile reads a whole cache or none.
    const partial = `${cachePath}.${process.pid}`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cachePath);
    // The caches of this bundle's earlier builds are never read again.
    const [bundle] = basename(cachePath).split('.');
    for (const name of readdirSync(cacheDir))
      if (name.startsWith(`${bundle}.`) && name.endsWith('.bin') && name !== basename(cachePath))
        rmSync(join(cacheDir, name), { force: true });
  } catch {
    // Only ever a shortcut: without it the next start compiles, as this one did.
  }
}
