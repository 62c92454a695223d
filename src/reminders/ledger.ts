import { realpath } from 'node:fs/promises';
import { LEDGER_VERSION, LedgerFileSchema } from '../domain/reminder.ts';
import { exists } from '../store/init.ts';
import { JsonFile } from '../store/json-file.ts';

export type LedgerFile = JsonFile<typeof LedgerFileSchema>;

/**
 * `data/twinning.json` keeps its ledger in `data/twinning.ledger.json`, beside the file a symbolic
 * link points at: a store reached by two paths has one ledger, so nothing is posted twice.
 */
export async function ledgerPathFor(storePath: string): Promise<string> {
  return ledgerPathBeside(await realpath(storePath));
}

/** The ledger's path beside a store file that is no symbolic link (or does not exist yet). */
export function ledgerPathBeside(storeFile: string): string {
  return `${storeFile.replace(/\.json$/, '')}.ledger.json`;
}

/** Whether the store has posted anything yet (a store that never posted has no ledger). */
export async function hasLedger(storePath: string): Promise<boolean> {
  return exists(await ledgerPathFor(storePath));
}

/** Opens the ledger beside a store, creating an empty one the first time. */
export async function openLedger(storePath: string, options: { lock?: boolean } = {}): Promise<LedgerFile> {
  const path = await ledgerPathFor(storePath);
  if (!(await exists(path))) await JsonFile.create(path, LedgerFileSchema, { version: LEDGER_VERSION });
  return JsonFile.open(path, LedgerFileSchema, { version: LEDGER_VERSION, lock: options.lock === true });
}

/** An empty ledger that lives in memory only, for simulations. */
export function memoryLedger(): LedgerFile {
  return JsonFile.inMemory(LedgerFileSchema, { version: LEDGER_VERSION });
}
