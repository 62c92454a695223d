import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreFileError } from './errors.ts';
import {
  describeHolder,
  type Holder,
  HolderSchema,
  knock,
  type Liveness,
  livenessOf,
  thisProcess,
} from './lock-holder.ts';

export type Release = () => Promise<void>;

export interface Lock {
  release: Release;
  /** The holder before this one, when it died without letting go (killed, crashed, power cut). */
  tookOverFrom?: Holder;
}

export interface LockOptions {
  /** How long to keep asking while another live process holds the lock, before refusing. */
  waitMs?: number;
  /** The path to name in a refusal, when the file was reached by another (a symbolic link). */
  shownAs?: string;
}

/**
 * Makes this process the one writer of a file, through a folder beside it (`<file>.lock`).
 *
 * Each taking of the lock is a numbered entry, `<n>.json`, naming its holder and the socket the
 * holder listens on. The holder is the highest entry; a new entry is made only with the next
 * number, with `link` (which fails if the name exists), and only when the highest holder is dead.
 * Numbers only grow, and a taker checks after linking that its entry is still the highest, so two
 * processes never both hold the lock. Nothing has to be refreshed: a busy holder keeps the lock
 * however long it works, and a dead one is known at once by its socket (see lock-holder.ts).
 * Releasing closes the socket and leaves the entry, so its number is never taken twice; the next
 * holder clears the entries before its own.
 */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<Lock> {
  const dir = `${path}.lock`;
  await mkdir(dir, { recursive: true });
  const token = randomBytes(6).toString('hex');
  const socket = await listenIn(dir, `${token}.sock`);
  const ticket = join(dir, `${token}.tmp`);
  try {
    await writeFile(ticket, JSON.stringify(thisProcess(`${token}.sock`)));
    const deadline = Date.now() + (options.waitMs ?? 0);
    for (;;) {
      const attempt = await takeNext(dir, ticket);
      if ('number' in attempt) {
        await unlink(ticket);
        await clearBefore(dir, attempt.number, token);
        return { release: () => socket.close(), ...(attempt.crashed && { tookOverFrom: attempt.crashed }) };
      }
      if ('holder' in attempt) {
        if (Date.now() >= deadline)
          throw refusal(options.shownAs ?? path, dir, attempt.holder, attempt.liveness);
        await sleep(100);
      } else {
        await sleep(5);
      }
    }
  } catch (error) {
    await socket.close();
    await unlink(ticket).catch(() => undefined);
    throw error;
  }
}

type Attempt =
  | { number: number; crashed?: Holder }
  | { holder: Holder; liveness: Liveness }
  | { contended: true };

async function takeNext(dir: string, ticket: string): Promise<Attempt> {
  const top = (await entryNumbers(dir))[0] ?? 0;
  let crashed: Holder | undefined;
  if (top > 0) {
    const holder = await readHolder(dir, top);
    // Gone: a newer holder cleared it since the listing; look again.
    if (holder === 'gone') return { contended: true };
    if (holder !== 'invalid') {
      const liveness = await withSocketPath(dir, holder.socket, (address) => livenessOf(holder, address));
      if (liveness === 'alive' || liveness === 'elsewhere') return { holder, liveness };
      if (liveness === 'crashed') crashed = holder;
    }
  }
  const mine = top + 1;
  try {
    await link(ticket, entryPath(dir, mine));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { contended: true };
    throw error;
  }
  // A taker that listed long ago may link a number a newer holder has already cleared: the highest
  // entry wins, and a lower one steps back.
  if ((await entryNumbers(dir))[0] !== mine) {
    await unlink(entryPath(dir, mine)).catch(() => undefined);
    return { contended: true };
  }
  return { number: mine, ...(crashed && { crashed }) };
}

const ENTRY = /^(\d+)\.json$/;
const SOCKET_NAME = /^[0-9a-f]+\.sock$/;

const entryPath = (dir: string, number: number) => join(dir, `${number}.json`);

/** Entry numbers, highest first. */
async function entryNumbers(dir: string): Promise<number[]> {
  const numbers: number[] = [];
  for (const name of await readdir(dir)) {
    const match = ENTRY.exec(name);
    if (match) numbers.push(Number(match[1]));
  }
  return numbers.sort((a, b) => b - a);
}

async function readHolder(dir: string, number: number): Promise<Holder | 'gone' | 'invalid'> {
  let text: string;
  try {
    text = await readFile(entryPath(dir, number), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const holder = HolderSchema.parse(JSON.parse(text));
    return SOCKET_NAME.test(holder.socket) ? holder : 'invalid';
  } catch {
    // Entries are linked whole, so this one was written by hand: no process can be asked about it.
    return 'invalid';
  }
}

/** Clears what dead takers left: entries below the holder's, and sockets and tickets nobody listens on. */
async function clearBefore(dir: string, mine: number, token: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const entry = ENTRY.exec(name);
    if (entry) {
      if (Number(entry[1]) < mine) await unlink(join(dir, name)).catch(() => undefined);
      continue;
    }
    const [owner, kind] = name.split('.');
    if (owner === undefined || owner === token || (kind !== 'sock' && kind !== 'tmp')) continue;
    const answer = await withSocketPath(dir, `${owner}.sock`, knock);
    if (answer !== 'answered') await unlink(join(dir, name)).catch(() => undefined);
  }
}

function refusal(path: string, dir: string, holder: Holder, liveness: Liveness): StoreFileError {
  if (liveness === 'elsewhere') {
    return new StoreFileError(
      path,
      `is in use by twinbot on ${holder.host}, ${describeHolder(holder)}. This machine cannot tell ` +
        `whether it still runs: stop it there, or if it no longer runs, delete the folder ${dir}.`,
    );
  }
  return new StoreFileError(
    path,
    `is in use by another twinbot process, ${describeHolder(holder)}. Stop it first, or make the change in chat.`,
  );
}

interface Listening {
  close: () => Promise<void>;
}

/** Listens on a socket in the lock folder for as long as this process holds (or asks for) the lock. */
async function listenIn(dir: string, name: string): Promise<Listening> {
  const address = await shortSocketPath(dir, name);
  const server: Server = createServer((connection) => {
    // A prober only connects to see that we live; it has nothing to say.
    connection.on('error', () => undefined);
    connection.destroy();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address.path, resolve);
    });
  } catch (error) {
    await address.close();
    throw error;
  }
  server.on('error', () => undefined);
  // The lock must not keep a finished command alive.
  server.unref();
  return {
    close: async () => {
      // Closing removes the socket file, so the entry reads as released at once.
      await new Promise((resolve) => server.close(resolve));
      await address.close();
    },
  };
}

async function withSocketPath<T>(dir: string, name: string, use: (path: string) => Promise<T>): Promise<T> {
  const address = await shortSocketPath(dir, name);
  try {
    return await use(address.path);
  } finally {
    await address.close();
  }
}

/** Socket addresses are limited to about 100 bytes; Linux reaches a deeper folder through an open handle of it. */
const SOCKET_PATH_LIMIT = 100;

async function shortSocketPath(
  dir: string,
  name: string,
): Promise<{ path: string; close: () => Promise<void> }> {
  const full = join(dir, name);
  if (Buffer.byteLength(full) <= SOCKET_PATH_LIMIT) return { path: full, close: async () => undefined };
  if (process.platform !== 'linux') {
    throw new StoreFileError(
      dir,
      'is too deep a path for the store lock here; move the store to a shorter path.',
    );
  }
  const handle = await open(dir, 'r');
  return { path: `/proc/self/fd/${handle.fd}/${name}`, close: () => handle.close() };
}
