import { randomBytes } from 'node:crypto';
import type { Command } from './command.ts';
import type { Invocation } from './parse-command.ts';

/** Long enough to read the question and press the button; short enough that a stale one is not pressed by mistake. */
const KEEP_FOR_MS = 15 * 60_000;
/** Bounds memory: the oldest pending confirmations go first. */
const MAX_PENDING = 1000;

interface Pending {
  invocation: Invocation;
  actor: string;
  expires: number;
}

export type Taken = { ok: true; invocation: Invocation } | { ok: false; reason: 'gone' | 'not-yours' };

/**
 * Destructive changes waiting for the asker's Confirm button. A button carries only a short token
 * (Discord allows 100 characters), and only the person who asked can confirm.
 */
export class Confirmations {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly now: () => number = Date.now) {}

  ask(invocation: Invocation, actor: string): string {
    this.prune();
    const token = randomBytes(9).toString('base64url');
    this.pending.set(token, { invocation, actor, expires: this.now() + KEEP_FOR_MS });
    return token;
  }

  /** The change to run, once: a token is forgotten when confirmed or cancelled. */
  take(token: string, actor: string): Taken {
    const found = this.pending.get(token);
    if (!found || found.expires <= this.now()) return { ok: false, reason: 'gone' };
    if (found.actor !== actor) return { ok: false, reason: 'not-yours' };
    this.pending.delete(token);
    return { ok: true, invocation: found.invocation };
  }

  private prune(): void {
    const now = this.now();
    for (const [token, entry] of this.pending) if (entry.expires <= now) this.pending.delete(token);
    while (this.pending.size >= MAX_PENDING) {
      const [oldest] = this.pending.keys();
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
  }
}

/** The invocation as a line of the text grammar with `--yes`, for the shell and CLI. */
export function confirmedCommandText(command: Command, invocation: Invocation): string {
  const positional = command.args
    .filter((a) => a.keyword === undefined && invocation.args[a.name] !== undefined)
    .map((a) => invocation.args[a.name] as string);
  const cities = command.args.filter(
    (a) => a.keyword === undefined && (a.kind === 'city' || a.kind === 'place'),
  );
  const [first, ...rest] = positional;
  const head =
    cities.length === 2 && first !== undefined && rest[0] !== undefined
      ? [`${first} / ${rest.shift()}`]
      : first !== undefined
        ? [first]
        : [];
  const keyworded = command.args
    .filter((a) => a.keyword !== undefined && invocation.args[a.name] !== undefined)
    .map((a) => `${a.keyword} ${invocation.args[a.name]}`);
  return [command.name, ...head, ...rest, ...keyworded, '--yes'].join(' ');
}
