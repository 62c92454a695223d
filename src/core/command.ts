import type { Temporal } from 'temporal-polyfill';
import type { City } from '../domain/city.ts';
import type { LedgerFile } from '../reminders/ledger.ts';
import type { Catalog } from '../store/catalog.ts';
import type { Store } from '../store/store.ts';
import type { Caller } from './caller.ts';
import type { YesNoQuestion } from './parse-command.ts';
import type { Reply } from './reply.ts';
import type { DateWindow } from './window.ts';

export type ArgKind = 'city' | 'window' | 'text';

export interface ArgSpec {
  readonly name: string;
  readonly kind: ArgKind;
  readonly description: string;
  readonly required: boolean;
}

type ArgValue<K extends ArgKind> = K extends 'city' ? City : K extends 'window' ? DateWindow : string;

/** The handler's arguments, typed from the command's own declaration. */
export type ArgsOf<S extends readonly ArgSpec[]> = {
  [A in S[number] as A['name']]: A['required'] extends true
    ? ArgValue<A['kind']>
    : ArgValue<A['kind']> | undefined;
};

export type Permission = 'everyone' | 'staff';

/** What a handler may use: the store (for writes), its current catalog, the caller and the date. */
export interface CommandContext {
  store: Store;
  catalog: Catalog;
  caller: Caller;
  today: Temporal.PlainDate;
  commands: readonly Command[];
  /** The reminder ledger, where the process keeps one. */
  ledger?: LedgerFile;
  /** The yes/no question the asker put, for handlers that can answer it first. */
  asks?: YesNoQuestion;
}

export interface Command<S extends readonly ArgSpec[] = readonly ArgSpec[]> {
  readonly name: string;
  readonly summary: string;
  readonly args: S;
  readonly examples: readonly string[];
  readonly permission: Permission;
  readonly handler: (ctx: CommandContext, args: ArgsOf<S>) => Reply | Promise<Reply>;
}

/** Declares a command once; the text grammar, help and platform command lists all come from this. */
export function defineCommand<const S extends readonly ArgSpec[]>(command: Command<S>): Command {
  return command as unknown as Command;
}

/** `agreement <city> <with>`, `anniversaries [window]`. */
export function usage(command: Command): string {
  const args = command.args.map((arg) => (arg.required ? `<${arg.name}>` : `[${arg.name}]`));
  return [command.name, ...args].join(' ');
}
