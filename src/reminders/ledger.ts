import { LEDGER_VERSION, LedgerFileSchema } from '../domain/reminder.ts';
import { exists } from '../store/init.ts';
import { JsonFile } from '../store/json-file.ts';

export type LedgerFile = JsonFile<typeof LedgerFileSchema>;

/** `data/twinning.json` keeps its ledger in `data/twinning.ledger.json`. */
export function ledgerPathFor(storePath: string): string {
  return `${storePath.replace(/\.json$/, '')}.ledger.json`;
}

/** Opens the ledger beside a store, creating an empty one the first time. */
export async function openLedger(storePath: string, options: { lock?: boolean } = {}): Promise<LedgerFile> {
  const path = ledgerPathFor(storePath);
  if (!(await exists(path))) await JsonFile.create(path, LedgerFileSchema, { version: LEDGER_VERSION });
  return JsonFile.open(path, LedgerFileSchema, { version: LEDGER_VERSION, lock: options.lock === true });
}
