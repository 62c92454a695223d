/**
 * A process that takes a file's lock, for tests of the lock across processes:
 * `lock-taker.ts <file> [--busy MS] [--hold MS] [--wait MS]`. Prints `held <pid>` once it holds the
 * lock (then blocks its event loop for --busy, then keeps it for --hold), or `refused <message>`.
 */
import { parseArgs } from 'node:util';
import { acquireLock } from '../../src/store/file-lock.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { busy: { type: 'string' }, hold: { type: 'string' }, wait: { type: 'string' } },
});
const [file] = positionals;
if (file === undefined) throw new Error('lock-taker needs a file');
try {
  const { release } = await acquireLock(file, { waitMs: Number(values.wait ?? 0) });
  process.stdout.write(`held ${process.pid}\n`);
  const busyUntil = Date.now() + Number(values.busy ?? 0);
  while (Date.now() < busyUntil) {
    // Blocks the event loop, as a large synchronous import does.
  }
  await new Promise((resolve) => setTimeout(resolve, Number(values.hold ?? 0)));
  await release();
  process.stdout.write('released\n');
} catch (error) {
  process.stdout.write(`refused ${(error as Error).message}\n`);
}
