/**
 * A writer that holds the store while its event loop is blocked, as a large synchronous import
 * does: `busy-writer.ts <store> <busy ms>`. It adds slack:UBEFORE to the staff, prints `holding`,
 * blocks for the given time, adds slack:UAFTER, and prints `done` once the store is closed.
 */
import { changeStaff } from '../../src/store/edits/staff.ts';
import { Store } from '../../src/store/store.ts';

const [path, busy] = process.argv.slice(2);
if (path === undefined || busy === undefined) throw new Error('busy-writer.ts <store> <busy ms>');
const editor = { actor: 'cli:busy-writer', platform: 'cli' } as const;
const store = await Store.open(path, { lock: true });
await store.edit(editor, changeStaff('add', 'slack:UBEFORE', { keepOne: false }));
process.stdout.write('holding\n');
const until = Date.now() + Number(busy);
while (Date.now() < until) {
  // Nothing else runs: no timer, no I/O callback, no lock refresh.
}
await store.edit(editor, changeStaff('add', 'slack:UAFTER', { keepOne: false }));
await store.close();
process.stdout.write('done\n');
