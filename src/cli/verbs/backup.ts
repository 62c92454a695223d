import { backupOfFiles, storeMode } from '../../store/backup.ts';
import { writeFileDurably } from '../../store/durable-write.ts';
import { DEFAULT_STORE_PATH } from '../../store/paths.ts';
import { type CliArgs, EXIT } from '../options.ts';

/** `twinbot backup [FILE|-]`: the store and its reminders ledger in one file (default: named by the time). */
export async function backup({ values, rest }: CliArgs): Promise<number> {
  const now = new Date();
  const storePath = values.data ?? DEFAULT_STORE_PATH;
  const text = await backupOfFiles(storePath, now);
  const file = rest[0] ?? defaultBackupName(now);
  if (file === '-') {
    process.stdout.write(text);
    return EXIT.ok;
  }
  try {
    await writeFileDurably(file, text, await storeMode(storePath));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === undefined) throw error;
    process.stderr.write(`twinbot: the backup could not be written to ${file} (${message})\n`);
    return EXIT.failed;
  }
  process.stderr.write(`Backed up the store and its reminders ledger to ${file}\n`);
  return EXIT.ok;
}

/** `twinbot-backup-20261203T171800Z.json`: sorts by time, and has no colon (Windows, scp). */
export function defaultBackupName(now: Date): string {
  return `twinbot-backup-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}.json`;
}
