import { Temporal } from 'temporal-polyfill';
import { formatPost, type Simulation, simulateInMemory } from '../../reminders/simulate.ts';
import { type CliArgs, EXIT, UsageError } from '../options.ts';
import { openStore } from '../store-access.ts';

/** `twinbot reminders simulate`: the reminder tick on a virtual clock, every post printed. */
export async function reminders({ values, rest }: CliArgs): Promise<number> {
  if (rest[0] !== 'simulate') throw new UsageError('reminders takes one command here: simulate');
  const simulation = readSimulation(values);
  const store = await openStore(values.data, { write: false });
  if (store.catalog.data.reminders.targets.length === 0)
    process.stdout.write('# no reminder targets in the store: simulating one console target at 09:00 UTC\n');
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
