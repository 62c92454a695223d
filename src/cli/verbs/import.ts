import { readFile } from 'node:fs/promises';
import { actorId } from '../../core/caller.ts';
import { importCsv } from '../../store/import-csv.ts';
import type { Store } from '../../store/store.ts';
import { cliCaller } from '../cli-caller.ts';
import { type CliArgs, EXIT, UsageError } from '../options.ts';
import { withStore } from '../store-access.ts';

/** `twinbot import FILE.csv`: every row or none, unless --skip-invalid. */
export async function importFile({ values, rest }: CliArgs): Promise<number> {
  return withStore(values.data, { write: true }, (store) =>
    runImport(store, rest, values['skip-invalid'] === true),
  );
}

async function runImport(store: Store, files: string[], skipInvalid: boolean): Promise<number> {
  const [file] = files;
  if (file === undefined || files.length > 1) throw new UsageError('import takes one CSV file');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  const showProgress = process.stderr.isTTY === true;
  const report = await importCsv(store, text, {
    skipInvalid,
    sourceTitle: file.split('/').pop() ?? file,
    actor: actorId(cliCaller()),
    platform: 'cli',
    ...(showProgress && {
      onProgress: (done: number, total: number) => process.stderr.write(`\rimporting: ${done}/${total} rows`),
    }),
  });
  if (showProgress) process.stderr.write('\n');
  for (const row of report.rejected) process.stderr.write(`line ${row.line}: ${row.reason}\n`);
  process.stdout.write(
    `${report.written ? 'Imported' : 'Nothing written'}: ${report.citiesAdded} cities added, ` +
      `${report.partnershipsAdded} partnerships added, ${report.partnershipsMerged} merged, ` +
      `${report.unchanged} unchanged, ${report.rejected.length} rows rejected\n`,
  );
  if (!report.written && report.rejected.length > 0 && !skipInvalid) {
    process.stderr.write(
      'No row was imported because some rows are invalid. Fix them, or pass --skip-invalid.\n',
    );
    return EXIT.failed;
  }
  return EXIT.ok;
}
