import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { access, open, realpath, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreFileError } from './errors.ts';

/**
 * Reads a store file after making sure it is one. It is opened without blocking, so a FIFO given
 * as the store is refused instead of waiting forever for a writer.
 */
export async function readStoreText(path: string): Promise<string> {
  return (await readStoreBytes(path)).toString('utf8');
}

/**
 * The store file's bytes, read as readStoreText reads them: for hashing the bytes before they are
 * decoded (hashing the decoded text would encode all of it again).
 */
export async function readStoreBytes(path: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    refuseUnlessRegular(path, await handle.stat());
    return await handle.readFile();
  } catch (error) {
    if (error instanceof StoreFileError) throw error;
    throw unreadable(path, error);
  } finally {
    await handle.close();
  }
}

/**
 * The file a change is written to: a symbolic link's target (so the link stays a link), which must
 * be a regular file this process may change, in a folder where it may write the temp file that
 * makes the write atomic. A file or folder without any write permission is left alone even by
 * root: whoever took the permissions away meant it.
 */
export async function writableTarget(path: string): Promise<string> {
  let target: string;
  try {
    target = await realpath(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  const file = await stat(target);
  refuseUnlessRegular(path, file);
  if ((file.mode & 0o222) === 0 || !(await allowed(target, constants.W_OK))) {
    throw new StoreFileError(
      path,
      `is read-only, so it was left unchanged. To allow changes: chmod u+w ${target}`,
    );
  }
  await requireWritableFolder(path, dirname(target));
  return target;
}

/** Where a new store file may be created: its folder must exist and be writable. */
export async function requireFolderFor(path: string): Promise<void> {
  await requireWritableFolder(path, dirname(path));
}

async function requireWritableFolder(path: string, folder: string): Promise<void> {
  let info: Stats;
  try {
    info = await stat(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new StoreFileError(
        path,
        `cannot be written: the folder ${folder} does not exist. Create it first.`,
      );
    throw new StoreFileError(path, `cannot be written: the folder ${folder} cannot be reached (${code})`);
  }
  if (!info.isDirectory()) throw new StoreFileError(path, `cannot be written: ${folder} is not a folder`);
  if ((info.mode & 0o222) === 0 || !(await allowed(folder, constants.W_OK | constants.X_OK))) {
    throw new StoreFileError(
      path,
      `cannot be written: the folder ${folder} is not writable, and changes are written beside the file first. Allow writing there (chmod u+w ${folder}).`,
    );
  }
}

function refuseUnlessRegular(path: string, info: Stats): void {
  if (info.isFile()) return;
  const kind = info.isDirectory()
    ? 'a folder'
    : info.isFIFO()
      ? 'a named pipe (FIFO)'
      : info.isSocket()
        ? 'a socket'
        : 'a device';
  throw new StoreFileError(
    path,
    `is ${kind}, not a store file. Give the path of a JSON file (twinbot init creates one).`,
  );
}

async function allowed(path: string, mode: number): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}

function unreadable(path: string, error: unknown): StoreFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new StoreFileError(path, 'no such file; create one with `twinbot init`');
  if (code === 'EACCES') return new StoreFileError(path, 'cannot be read: permission denied');
  if (code === 'ELOOP') return new StoreFileError(path, 'is a loop of symbolic links');
  return new StoreFileError(path, `cannot be read (${code ?? 'unknown error'})`);
}
