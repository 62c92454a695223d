import { describe, expect, it } from 'vitest';
import { LEDGER_VERSION, LedgerFileSchema } from '../../src/domain/reminder.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, backupPieces, backupText } from '../../src/store/backup.ts';
import { StoreSchema } from '../../src/store/schema.ts';
import { smallStore, syntheticStore } from '../fixtures/knowledge-base.ts';

const now = new Date('2026-12-03T10:00:00Z');
const ledger = LedgerFileSchema.parse({ version: LEDGER_VERSION });

/** What a backup file holds: the whole backup pretty-printed, as a person reads it. */
const pretty = (store: unknown) =>
  `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), store, ledger }, null, 2)}\n`;

async function joined(pieces: AsyncIterable<string>): Promise<{ text: string; count: number }> {
  let text = '';
  let count = 0;
  for await (const piece of pieces) {
    text += piece;
    count += 1;
  }
  return { text, count };
}

describe('backup text in pieces', () => {
  it('GIVEN a store with more records than a piece THEN the pieces make the pretty-printed backup, in many pieces', async () => {
    const store = StoreSchema.parse(syntheticStore(2500, 1200));
    const { text, count } = await joined(backupPieces(store, ledger, now));
    expect(text).toBe(pretty(store));
    expect(count).toBeGreaterThan(5);
    expect(backupText(store, ledger, now)).toBe(pretty(store));
  });

  it('GIVEN a small store THEN the backup is the pretty-printed whole', async () => {
    const store = StoreSchema.parse(smallStore());
    expect((await joined(backupPieces(store, ledger, now))).text).toBe(pretty(store));
    expect(backupText(store, ledger, now)).toBe(pretty(store));
  });
});
