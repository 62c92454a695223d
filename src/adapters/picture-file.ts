import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Lang } from '../i18n/languages.ts';
import { translator } from '../i18n/translator.ts';
import { messageOf, type Picture } from './picture.ts';

/**
 * Where the shell and `twinbot ask` put a picture when `--out` does not say: a folder of the system's
 * temporary directory. Not the working directory: the bot is often started in its own checkout or in
 * a container's read-only app folder, and a question must neither fail nor litter it for a picture.
 */
export function defaultPictureDir(): string {
  return join(tmpdir(), 'twinbot-pictures');
}

/** `map Prague --out prague.png`: the line without its trailing `--out FILE`, and the file. */
export function splitOut(line: string): { text: string; out?: string } {
  const match = /^(.*?)\s+--out\s+(\S+)\s*$/.exec(line);
  return match ? { text: match[1] ?? '', out: match[2] as string } : { text: line };
}

/**
 * Writes the picture to `out` (relative to the working directory), else under the default folder by
 * its own name, and says where in the reader's language, or why it could not.
 */
export async function savePicture(
  picture: Picture,
  lang: Lang,
  out?: string,
): Promise<{ ok: boolean; path: string; line: string }> {
  const tr = translator(lang);
  const path = out === undefined ? join(defaultPictureDir(), picture.fileName) : resolve(out);
  try {
    // Only our own folder is created; a folder the asker named must exist, as with any output file.
    if (out === undefined) await mkdir(dirname(path), { recursive: true });
    await writeFile(path, picture.png);
    return { ok: true, path, line: tr.t('pictureDelivery.savedTo', { path }) };
  } catch (error) {
    return { ok: false, path, line: tr.t('pictureDelivery.notSaved', { path, reason: messageOf(error) }) };
  }
}
