import { open, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's contents so that a crash or a power cut leaves either the old file or the new
 * one, never a mix or an empty file, and the new one survives once this resolves: the text goes to
 * a temp file beside it that is flushed to disk, renamed over the file, and the folder is flushed
 * so the rename itself is on disk (the order SQLite and PostgreSQL follow). The file keeps its
 * permissions.
 */
export async function writeFileDurably(path: string, text: string): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.tmp`);
  const mode = await stat(path).then(
    (existing) => existing.mode & 0o7777,
    () => undefined,
  );
  const handle = await open(temp, 'w', mode);
  try {
    // A temp file left by a crash keeps the mode it was created with.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  await syncFolder(folder);
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
