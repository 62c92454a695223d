import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import * as z from 'zod';

/** Who holds a store's lock, as written in the lock folder: enough to name it and to ask whether it lives. */
export const HolderSchema = z.object({
  pid: z.number().int(),
  command: z.string(),
  since: z.string(),
  host: z.string(),
  /** The running kernel's boot id (Linux): equal ids mean the same machine since the same boot. */
  bootId: z.string().optional(),
  /** The file name, in the lock folder, of the socket the holder listens on while it lives. */
  socket: z.string(),
});
export type Holder = z.infer<typeof HolderSchema>;

/** Read when the lock is first asked for, not at load: a process that only reads never needs it. */
let bootId: { id: string | undefined } | undefined;

function thisBootId(): string | undefined {
  if (bootId === undefined) {
    try {
      bootId = { id: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined };
    } catch {
      bootId = { id: undefined };
    }
  }
  return bootId.id;
}

/** This process as a holder: secrets never reach argv (they come from the environment), so it can be shown. */
export function thisProcess(socket: string): Holder {
  const [, script, ...args] = process.argv;
  const booted = thisBootId();
  return {
    pid: process.pid,
    command: [script === undefined ? 'node' : basename(script), ...args].join(' ').slice(0, 200),
    since: new Date().toISOString(),
    host: hostname(),
    ...(booted !== undefined && { bootId: booted }),
    socket,
  };
}

/**
 * What became of a holder: still running; gone after letting go (its socket removed); gone without
 * letting go (killed or crashed: its socket left behind); or on another machine, where this one
 * cannot ask.
 */
export type Liveness = 'alive' | 'released' | 'crashed' | 'elsewhere';

/**
 * Whether a holder still runs. Its socket answers a connection for as long as the process lives,
 * even while its event loop is busy (the kernel accepts into the backlog), and the kernel closes it
 * the moment the process dies, however it dies: no heartbeat to miss, no pid to be reused. A holder
 * on another machine (a store on a network share) cannot be asked this way, unless it is this
 * machine before a reboot.
 */
export async function livenessOf(holder: Holder, socketPath: string): Promise<Liveness> {
  const booted = thisBootId();
  const sameBoot =
    holder.bootId !== undefined && booted !== undefined
      ? holder.bootId === booted
      : holder.host === hostname();
  if (!sameBoot) return holder.host === hostname() ? 'crashed' : 'elsewhere';
  const answer = await knock(socketPath);
  return answer === 'answered' ? 'alive' : answer === 'refused' ? 'crashed' : 'released';
}

/**
 * Connects to a socket: a refused connection means a socket file nobody listens on, a missing one
 * means none; any other failure is taken as someone there, so a lock is never taken by mistake.
 */
export function knock(socketPath: string): Promise<'answered' | 'refused' | 'missing'> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    const settle = (answer: 'answered' | 'refused' | 'missing') => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => settle('answered'), 2_000);
    socket.once('connect', () => settle('answered'));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      settle(error.code === 'ECONNREFUSED' ? 'refused' : error.code === 'ENOENT' ? 'missing' : 'answered'),
    );
  });
}

/** "pid 4242 (cli.ts start), since 2026-12-03 16:05 UTC" */
export function describeHolder(holder: Holder): string {
  const since = holder.since.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  return `pid ${holder.pid} (${holder.command}), since ${since}`;
}
