import { BackupFileError, readBackup, restoreBackup } from '../../store/backup.ts';
import { DEFAULT_STORE_PATH } from '../../store/paths.ts';
import { type CliArgs, EXIT, UsageError } from '../options.ts';
import { LOCK_WAIT_MS } from '../store-access.ts';

/** `twinbot restore FILE`: replaces the store and its ledger with a backup's, checked whole first. */
export async function restore({ values, rest }: CliArgs): Promise<number> {
  const file = rest[0];
  if (file === undefined) throw new UsageError('restore needs the backup file: twinbot restore FILE');
  const path = values.data ?? DEFAULT_STORE_PATH;
  try {
    const backup = await readBackup(file);
    const report = await restoreBackup(path, backup, { waitMs: LOCK_WAIT_MS });
    const { cities, partnerships } = backup.store;
    process.stderr.write(
      `Restored ${path} and its reminders ledger from ${file} (taken ${backup.createdAt}): ` +
        `${cities.length} cities, ${partnerships.length} partnerships, ${backup.ledger.entries.length} ledger entries\n`,
    );
    if (report.keptPosts > 0) {
      process.stderr.write(
        `Kept ${report.keptPosts} reminder post(s) recorded since the backup, so they are not posted again\n`,
      );
    }
    if (report.unreadableLedger) {
      process.stderr.write(
        "The reminders ledger that was there could not be read; the backup's replaced it. " +
          'Reminders posted since the backup may be posted again.\n',
      );
    }
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof BackupFileError)) throw error;
    process.stderr.write(`twinbot: ${error.message}\n`);
    return EXIT.failed;
  }
}
