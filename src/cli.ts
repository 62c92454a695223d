import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { commands } from '../commands/index.ts';
import { logStrayErrors } from './adapters/last-resort.ts';
import { runShell } from './adapters/shell.ts';
import { deliveriesOf, hasPlatform, startPlatforms } from './adapters/start.ts';
import { ConfigError, type PlatformConfig, readPlatformConfig } from './config.ts';
import { actorId, type Caller, editorOf } from './core/caller.ts';
import { Dispatcher } from './core/dispatcher.ts';
import { StaffIdSchema } from './domain/settings.ts';
import { consoleDelivery } from './reminders/console-delivery.ts';
import { hasLedger, type LedgerFile, openLedger } from './reminders/ledger.ts';
import { startReminders } from './reminders/runtime.ts';
import { formatPost, type Simulation, simulateInMemory } from './reminders/simulate.ts';
import { anniversaryCalendar } from './render/calendar.ts';
import { renderPlain } from './render/plain.ts';
import { changeStaff } from './store/edits/staff.ts';
import { StoreFileError } from './store/errors.ts';
import { importCsv } from './store/import-csv.ts';
import { createStore, exists } from './store/init.ts';
import { storeJsonSchema } from './store/json-schema.ts';
import { describeHolder } from './store/lock-holder.ts';
import { DEFAULT_STORE_PATH } from './store/paths.ts';
import { Store } from './store/store.ts';

const USAGE = `Usage: twinbot <command> [options]

  start   [--data PATH]                       run the bot (the local shell when no platform token is set)
  ask     [--data PATH] [--today YYYY-MM-DD] [--yes] "<command text>"   (--yes confirms a termination or removal)
  init    [--data PATH] [--empty]             create a store file from the shipped seed (or empty)
  check   [--data PATH]                       validate a store file
  export  [--data PATH]                       print the store as JSON
  import  [--data PATH] [--skip-invalid] FILE.csv
  staff   add|remove|list [--data PATH] [slack:U123 | discord:user:123 | discord:role:456]
  schema                                      print the store's JSON Schema (data/schema.json)
  register-commands [--guild ID]              register the Discord slash commands in one server, or globally
  calendar [--data PATH] [--today YYYY-MM-DD]  print an iCalendar of day-precision anniversaries (> anniversaries.ics)
  reminders simulate --from YYYY-MM-DD --to YYYY-MM-DD [--data PATH] [--restart-at INSTANT]... [--down FROM..TO]
                                              run the reminder tick on a virtual clock; print every post
`;

/** A mistake in how the CLI was called: print the message and the usage, exit 1. */
class UsageError extends Error {}

const EXIT = { ok: 0, failed: 1, badStore: 2 } as const;

const cliCaller = (): Caller => ({ platform: 'cli', userId: userInfo().username });

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      today: { type: 'string' },
      empty: { type: 'boolean' },
      'skip-invalid': { type: 'boolean' },
      guild: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'restart-at': { type: 'string', multiple: true },
      down: { type: 'string' },
      yes: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [verb, ...rest] = positionals;
  if (values.help || verb === undefined || verb === 'help') {
    process.stdout.write(USAGE);
    return EXIT.ok;
  }
  const dataPath = values.data ?? DEFAULT_STORE_PATH;
  switch (verb) {
    case 'start': {
      const platforms = readPlatformConfig(process.env);
      return withStore(values.data, { write: true }, async (store) => {
        if (store.tookOverFrom) {
          logLine(
            `store: taken over from ${describeHolder(store.tookOverFrom)}, which ended without letting go of it`,
          );
        }
        const ledger = await openLedger(store.path, { lock: true });
        const dispatcher = new Dispatcher({ store, commands, ledger });
        try {
          if (hasPlatform(platforms)) {
            await runPlatforms(platforms, dispatcher, store, ledger);
          } else {
            const reminders = await startReminders(
              store,
              ledger,
              { console: consoleDelivery(process.stdout) },
              logLine,
            );
            await runShell(dispatcher, {
              input: process.stdin,
              output: process.stdout,
              interactive: process.stdin.isTTY === true,
            });
            reminders.stop();
          }
        } finally {
          await ledger.close();
        }
        return EXIT.ok;
      });
    }
    case 'ask': {
      const words = rest.join(' ');
      if (words.trim() === '')
        throw new UsageError('ask needs the command text, e.g. twinbot ask "partners Prague"');
      const today = parseToday(values.today);
      const text = values.yes ? `${words} --yes` : words;
      // A change takes the store's lock like any writer, so a running bot and the CLI never write
      // the same file at once; a question never needs it.
      return withStore(values.data, { write: 'on-write' }, async (store) => {
        // `reminders status` reads what was posted; a store that never posted has no ledger to read.
        const ledger = (await hasLedger(store.path)) ? await openLedger(store.path) : undefined;
        const reply = await new Dispatcher({
          store,
          commands,
          today: () => today,
          ...(ledger && { ledger }),
        }).answerText(text, cliCaller());
        process.stdout.write(`${renderPlain(reply)}\n`);
        return EXIT.ok;
      });
    }
    case 'init': {
      if (await exists(dataPath)) throw new UsageError(`${dataPath} already exists; it was left as it is.`);
      const store = await createStore(dataPath, { empty: values.empty === true });
      process.stdout.write(`Created ${dataPath}: ${summary(store)}\n`);
      return EXIT.ok;
    }
    case 'check': {
      const store = await Store.open(dataPath);
      process.stdout.write(`${dataPath} is valid: ${summary(store)}\n`);
      return EXIT.ok;
    }
    case 'export': {
      const store = await Store.open(dataPath);
      process.stdout.write(`${JSON.stringify(store.catalog.data, null, 2)}\n`);
      return EXIT.ok;
    }
    case 'import':
      return withStore(values.data, { write: true }, (store) =>
        runImport(store, rest, values['skip-invalid'] === true),
      );
    case 'staff':
      return withStore(values.data, { write: rest[0] !== 'list' }, (store) => runStaff(store, rest));
    case 'register-commands': {
      const { discord } = readPlatformConfig(process.env);
      if (!discord) {
        throw new ConfigError(
          'register-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see the README, Discord).',
        );
      }
      // Loaded here only: discord.js is slow to load and no other command needs it.
      const { registerCommands } = await import('./adapters/discord/register-commands.ts');
      const registered = await registerCommands(discord, commands, values.guild);
      process.stdout.write(`Registered ${registered.commands.join(' and ')} ${registered.scope}.\n`);
      return EXIT.ok;
    }
    case 'calendar': {
      const store = await openStore(values.data, { write: false });
      process.stdout.write(anniversaryCalendar(store.catalog, parseToday(values.today)));
      return EXIT.ok;
    }
    case 'reminders': {
      if (rest[0] !== 'simulate') throw new UsageError('reminders takes one command here: simulate');
      const simulation = readSimulation(values);
      const store = await openStore(values.data, { write: false });
      if (store.catalog.data.reminders.targets.length === 0)
        process.stdout.write(
          '# no reminder targets in the store: simulating one console target at 09:00 UTC\n',
        );
      // Each post is printed as it is made: a ten-year run shows its progress.
      const result = await simulateInMemory(store.catalog.data, simulation, (post) =>
        process.stdout.write(`${formatPost(post)}\n`),
      );
      const disabled = result.disabled.map((d) => `${d.target} (${d.reason})`).join(', ');
      process.stdout.write(
        `# ${result.posts.length} posts, ${result.missed} missed${disabled ? `, disabled: ${disabled}` : ''}\n`,
      );
      return EXIT.ok;
    }
    case 'schema':
      process.stdout.write(`${JSON.stringify(storeJsonSchema(), null, 2)}\n`);
      return EXIT.ok;
    default:
      throw new UsageError(`unknown command "${verb}"`);
  }
}

/** `write: 'on-write'` takes the lock only when a change comes (see JsonFile). */
type Access = { write: boolean | 'on-write' };

/**
 * A writer that finds the store held waits this long before refusing: long enough for a bot that
 * is stopping, or another CLI change, to finish; short enough to tell a person what is wrong.
 */
const LOCK_WAIT_MS = 5_000;

/**
 * The default store is created from the seed on first use, so `npm start` works on a fresh clone;
 * a path given with --data must already exist.
 */
async function openStore(explicitPath: string | undefined, access: Access): Promise<Store> {
  if (explicitPath !== undefined && !(await exists(explicitPath))) {
    throw new StoreFileError(
      explicitPath,
      `no such file. Create it with \`twinbot init --data ${explicitPath}\`.`,
    );
  }
  if (explicitPath === undefined && !(await exists(DEFAULT_STORE_PATH))) {
    const created = await createStore(DEFAULT_STORE_PATH);
    process.stderr.write(`Created ${DEFAULT_STORE_PATH} from the seed: ${summary(created)}\n`);
  }
  return Store.open(explicitPath ?? DEFAULT_STORE_PATH, { lock: access.write, lockWaitMs: LOCK_WAIT_MS });
}

/** Runs the configured platforms until the process is asked to stop, then stops them cleanly. */
async function runPlatforms(
  platforms: PlatformConfig,
  dispatcher: Dispatcher,
  store: Store,
  ledger: LedgerFile,
): Promise<void> {
  const log = logLine;
  // No single request, event or interaction may take the bot down, whatever a library throws.
  const stopLogging = logStrayErrors(log, platforms);
  const running = await startPlatforms(platforms, { dispatcher, log });
  log(`running: ${running.map((adapter) => adapter.name).join(', ')}`);
  const reminders = await startReminders(store, ledger, deliveriesOf(running), log);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log('stopping');
  reminders.stop();
  await Promise.allSettled(running.map((adapter) => adapter.stop()));
  stopLogging();
}

/** Operational log lines go to stderr with a timestamp; nothing secret is ever passed in. */
function logLine(line: string): void {
  process.stderr.write(`${new Date().toISOString()} ${line}\n`);
}

/** Runs a CLI action on the store and gives up the store's lock however the action ends. */
async function withStore(
  path: string | undefined,
  access: Access,
  action: (store: Store) => Promise<number>,
): Promise<number> {
  const store = await openStore(path, access);
  try {
    return await action(store);
  } finally {
    await store.close();
  }
}

async function runImport(store: Store, files: string[], skipInvalid: boolean): Promise<number> {
  const [file] = files;
  if (file === undefined || files.length > 1) throw new UsageError('import takes one CSV file');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  const showProgress = process.stderr.isTTY === true;
  const report = await importCsv(store, text, {
    skipInvalid,
    sourceTitle: file.split('/').pop() ?? file,
    actor: actorId(cliCaller()),
    platform: 'cli',
    ...(showProgress && {
      onProgress: (done: number, total: number) => process.stderr.write(`\rimporting: ${done}/${total} rows`),
    }),
  });
  if (showProgress) process.stderr.write('\n');
  for (const row of report.rejected) process.stderr.write(`line ${row.line}: ${row.reason}\n`);
  process.stdout.write(
    `${report.written ? 'Imported' : 'Nothing written'}: ${report.citiesAdded} cities added, ` +
      `${report.partnershipsAdded} partnerships added, ${report.partnershipsMerged} merged, ` +
      `${report.unchanged} unchanged, ${report.rejected.length} rows rejected\n`,
  );
  if (!report.written && report.rejected.length > 0 && !skipInvalid) {
    process.stderr.write(
      'No row was imported because some rows are invalid. Fix them, or pass --skip-invalid.\n',
    );
    return EXIT.failed;
  }
  return EXIT.ok;
}

async function runStaff(store: Store, args: string[]): Promise<number> {
  const [action, id, ...extra] = args;
  if (action === 'list' && id === undefined) {
    const staff = store.catalog.data.settings.staff;
    process.stdout.write(staff.length === 0 ? 'No staff yet.\n' : `${staff.join('\n')}\n`);
    return EXIT.ok;
  }
  if ((action !== 'add' && action !== 'remove') || id === undefined || extra.length > 0) {
    throw new UsageError(
      'staff add|remove <slack:U123 | discord:user:123 | discord:role:456>, or staff list',
    );
  }
  const parsed = StaffIdSchema.safeParse(id);
  if (!parsed.success) throw new UsageError(`"${id}" is not a staff id: use ${StaffIdSchema.description}`);
  const changed = await store.edit(
    editorOf(cliCaller()),
    changeStaff(action, parsed.data, { keepOne: false }),
  );
  const verbDone = action === 'add' ? 'added to' : 'removed from';
  process.stdout.write(
    changed === 'added' || changed === 'removed'
      ? `${parsed.data} ${verbDone} the staff list.\n`
      : `${parsed.data} was already ${action === 'add' ? 'on' : 'off'} the staff list.\n`,
  );
  return EXIT.ok;
}

/** Reads the simulation's dates at the edge; each mistake names the option and the form it wants. */
function readSimulation(values: {
  from?: string;
  to?: string;
  'restart-at'?: string[];
  down?: string;
}): Simulation {
  const date = (option: string, text: string | undefined) => {
    if (text === undefined) throw new UsageError(`reminders simulate needs --${option} YYYY-MM-DD`);
    try {
      return Temporal.PlainDate.from(text, { overflow: 'reject' });
    } catch {
      throw new UsageError(`--${option} must be a date as YYYY-MM-DD, not "${text}"`);
    }
  };
  const from = date('from', values.from);
  const to = date('to', values.to);
  if (Temporal.PlainDate.compare(from, to) > 0) throw new UsageError('--from must not be after --to');
  if (from.until(to).days > 3660) throw new UsageError('simulate at most ten years at a time');
  const restarts = (values['restart-at'] ?? []).map((text) => {
    try {
      return Temporal.Instant.from(text);
    } catch {
      throw new UsageError(`--restart-at must be an instant such as 2027-06-03T12:00:00Z, not "${text}"`);
    }
  });
  if (values.down === undefined) return { from, to, restarts };
  const [downFrom, downTo, ...extra] = values.down.split('..');
  if (downTo === undefined || extra.length > 0)
    throw new UsageError('--down takes FROM..TO, e.g. --down 2027-06-02..2027-06-03');
  return { from, to, restarts, down: { from: date('down', downFrom), to: date('down', downTo) } };
}

function parseToday(text: string | undefined): Temporal.PlainDate {
  if (text === undefined) return Temporal.Now.plainDateISO();
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    throw new UsageError(`--today must be a date as YYYY-MM-DD, not "${text}"`);
  }
}

function summary(store: Store): string {
  const { cities, partnerships } = store.catalog.data;
  return `${cities.length} cities, ${partnerships.length} partnerships`;
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
