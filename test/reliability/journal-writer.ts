/**
 * A writer for kill tests: `journal-writer.ts <store> <first n>`. Adds staff slack:U<n>, slack:U<n+1>,
 * ... one edit at a time, printing each n once the edit is acknowledged, and folds the journal into
 * the store file after every fifth edit, so a kill can fall in an append or in a compaction.
 */
import { changeStaff } from '../../src/store/edits/staff.ts';
import { Store } from '../../src/store/store.ts';

const [path, first] = process.argv.slice(2);
if (path === undefined || first === undefined) throw new Error('journal-writer.ts <store> <first n>');
const editor = { actor: 'cli:journal-writer', platform: 'cli' } as const;
const store = await Store.open(path, { lock: true });
if (store.recovered) process.stderr.write(`${store.recovered}\n`);
for (let n = Number(first); ; n++) {
  await store.edit(editor, changeStaff('add', `slack:U${n}`, { keepOne: false }));
  process.stdout.write(`${n}\n`);
  if (n % 5 === 0) await store.journal.compactNow();
}
