import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * A file kept between runs in a cache folder of this user's (V8's compiled code, see
 * src/cli/code-cache.ts; the office name index, see name-index-cache.ts): read only from a folder
 * no one else may write to, since another user's file could hold any code or answer. Undefined when
 * there is none or it cannot be read: a cache is only ever a shortcut.
 */
export function readPrivateCache(dir: string, name: string): Buffer | undefined {
  try {
    return isPrivate(dir) ? readFileSync(join(dir, name)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A cache file's name, `<what it is for>.<version>.<ext>`, each part a digest: a new version of the
 * same thing (a rebuilt bundle, an edited store) replaces the old one (see writePrivateCache).
 */
export function cacheFileName(what: string, version: string, ext: string): string {
  return `${digest(what)}.${digest(version)}.${ext}`;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * Writes a cache file, named by cacheFileName, and removes the files of the same
 * thing's other versions, which are never read again, so the folder does not grow with each build
 * or edit. A folder that cannot be made or written leaves the cache missing, as before.
 */
export function writePrivateCache(dir: string, name: string, bytes: Uint8Array): void {
  try {
    // Not `recursive`: the temp folder is there, or there is no cache (and Node 20's recursive
    // mkdir never returns under /proc).
    try {
      mkdirSync(dir, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // Nor written into another's folder (made first by someone else, or a link), which would show
    // them what was kept (the office's city names).
    if (!isPrivate(dir)) return;
    // Renamed into place, so a process starting meanwhile reads a whole file or none.
    const path = join(dir, name);
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, bytes);
    renameSync(partial, path);
    const [owner] = name.split('.');
    const ext = extname(name);
    for (const other of readdirSync(dir))
      if (other.startsWith(`${owner}.`) && extname(other) === ext && other !== name)
        rmSync(join(dir, other), { force: true });
  } catch {
    // Only ever a shortcut: without it the next run does the work again, as this one did.
  }
}

/** A folder (not a link to one) of this user's that no one else may write to. */
function isPrivate(dir: string): boolean {
  const folder = lstatSync(dir);
  return folder.isDirectory() && folder.uid === process.getuid?.() && (folder.mode & 0o022) === 0;
}
