import { open, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's contents so that a crash or a power cut leaves either the old file or the new
 * one, never a mix or an empty file, and the new one survives once this resolves: the text goes to
 * a temp file beside it that is flushed to disk, renamed over the file, and the folder is flushed
 * so the rename itself is on disk (the order SQLite and PostgreSQL follow). The file keeps its
 * permissions; a new file gets `newFileMode` when given (a copy of the store gets the store's).
 */
export async function writeFileDurably(path: string, text: string, newFileMode?: number): Promise<void> {
  await (await prepareDurably(path, text, newFileMode)).commit();
}

/** A replacement written and flushed beside its file, waiting to be renamed over it. */
export interface PreparedWrite {
  /** Renames the temp file over the file and flushes the folder. */
  commit(): Promise<void>;
}

/**
 * The first half of writeFileDurably, for replacing several files together: every new text is on
 * disk before the first rename, so the renames, which cannot fail for lack of space, come last.
 */
export function prepareDurably(path: string, text: string, newFileMode?: number): Promise<PreparedWrite> {
  return prepareDurablyFrom(path, [text], newFileMode);
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * prepareDurably for a text given in pieces (a whole store at once would hold the event loop while
 * it is serialized): each piece is written as it comes, so answers run between pieces.
 */
export async function prepareDurablyFrom(
  path: string,
  pieces: AsyncIterable<string> | Iterable<string>,
  newFileMode?: number,
): Promise<PreparedWrite> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.tmp`);
  const mode = await stat(path).then(
    (existing) => existing.mode & 0o7777,
    () => newFileMode,
  );
  const handle = await open(temp, 'w', mode);
  try {
    // A temp file left by a crash keeps the mode it was created with.
    if (mode !== undefined) await handle.chmod(mode);
    // writeFile, unlike write, goes on until the whole piece is written.
    for await (const piece of pieces) await handle.writeFile(piece);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return {
    commit: async () => {
      await rename(temp, path);
      await syncFolder(folder);
    },
  };
}
