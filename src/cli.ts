#!/usr/bin/env node
import module from 'node:module';
import { loadDotEnv } from './cli/env-file.ts';
import { type CliArgs, EXIT, parseCommandLine, UsageError } from './cli/options.ts';
import { USAGE } from './cli/usage.ts';
import { ConfigError } from './config-result.ts';
import { StoreFileError } from './store/errors.ts';

type Verb = (args: CliArgs) => Promise<number>;

// Node 22.1 and later keep V8's compiled code of the modules loaded after this line (every command)
// in the system's temp folder, so a start after the first skips most compiling; Node 20 has no such
// cache and goes on without it, as Node does when the folder cannot be written.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/** Each command's module is loaded only when it runs: `ask` does not pay for `import` or `start`. */
const VERBS: Record<string, () => Promise<Verb>> = {
  start: async () => (await import('./cli/verbs/start.ts')).start,
  ask: async () => (await import('./cli/verbs/ask.ts')).ask,
  init: async () => (await import('./cli/verbs/init.ts')).init,
  check: async () => (await import('./cli/verbs/check.ts')).check,
  export: async () => (await import('./cli/verbs/export.ts')).exportStore,
  backup: async () => (await import('./cli/verbs/backup.ts')).backup,
  restore: async () => (await import('./cli/verbs/restore.ts')).restore,
  import: async () => (await import('./cli/verbs/import.ts')).importFile,
  staff: async () => (await import('./cli/verbs/staff.ts')).staff,
  schema: async () => (await import('./cli/verbs/schema.ts')).schema,
  'register-commands': async () => (await import('./cli/verbs/register-commands.ts')).registerCommands,
  calendar: async () => (await import('./cli/verbs/calendar.ts')).calendar,
  reminders: async () => (await import('./cli/verbs/reminders.ts')).reminders,
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  const [verb, ...rest] = positionals;
  if (values.help || verb === undefined || verb === 'help') {
    process.stdout.write(USAGE);
    return EXIT.ok;
  }
  const load = Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined;
  if (load === undefined) throw new UsageError(`unknown command "${verb}"`);
  loadDotEnv();
  return (await load())({ values, rest });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof StoreFileError) {
      process.stderr.write(`twinbot: ${error.message}\n`);
      process.exitCode = EXIT.badStore;
    } else if (error instanceof ConfigError) {
      process.stderr.write(`twinbot: ${error.message}\n`);
      process.exitCode = EXIT.failed;
    } else if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`twinbot: ${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = EXIT.failed;
    } else {
      throw error;
    }
  },
);
