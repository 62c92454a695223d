import { parseArgs } from 'node:util';

/** Every option any `twinbot` command takes; each command reads the ones it needs. */
const OPTIONS = {
  data: { type: 'string' },
  today: { type: 'string' },
  lang: { type: 'string' },
  empty: { type: 'boolean' },
  'no-world': { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  guild: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'restart-at': { type: 'string', multiple: true },
  down: { type: 'string' },
  yes: { type: 'boolean' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseCommandLine(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
}

/** What a command is given: the options, and the words after the command's name. */
export interface CliArgs {
  values: ReturnType<typeof parseCommandLine>['values'];
  rest: string[];
}

/** A mistake in how the CLI was called: print the message and the usage, exit 1. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, failed: 1, badStore: 2 } as const;
