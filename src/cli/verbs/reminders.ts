import { Temporal } from 'temporal-polyfill';
import { type Translator, translator } from '../../i18n/translator.ts';
import { formatPostIn, type Simulation, simulateInMemory } from '../../reminders/simulate.ts';
import { cliLang } from '../lang.ts';
import { type CliArgs, EXIT, UsageError } from '../options.ts';
import { withStore } from '../store-access.ts';

/** `twinbot reminders simulate`: the reminder tick on a virtual clock, every post printed, in `--lang` or LANG. */
export async function reminders({ values, rest }: CliArgs): Promise<number> {
  const tr = translator(cliLang(values.lang, process.env));
  if (rest[0] !== 'simulate') throw new UsageError(tr.t('remind.cli.usage'));
  const simulation = readSimulation(values, tr);
  return withStore(values.data, { write: false }, async (store) => {
    if (store.catalog.data.reminders.targets.length === 0)
      process.stdout.write(`${tr.t('remind.cli.noTargets')}\n`);
    // Each post is printed as it is made: a ten-year run shows its progress.
    const result = await simulateInMemory(store.catalog.data, simulation, (post) =>
      process.stdout.write(`${formatPostIn(post, tr)}\n`),
    );
    const disabled = result.disabled.map((d) => `${d.target} (${d.reason})`).join(', ');
    const counts = { posts: result.posts.length, missed: result.missed };
    process.stdout.write(
      `${disabled ? tr.t('remind.cli.summaryDisabled', { ...counts, disabled }) : tr.t('remind.cli.summary', counts)}\n`,
    );
    return EXIT.ok;
  });
}

/** Reads the simulation's dates at the edge; each mistake names the option and the form it wants. */
function readSimulation(
  values: {
    from?: string;
    to?: string;
    'restart-at'?: string[];
    down?: string;
  },
  tr: Translator,
): Simulation {
  const date = (option: string, text: string | undefined) => {
    if (text === undefined) throw new UsageError(tr.t('remind.cli.needsDate', { option }));
    try {
      return Temporal.PlainDate.from(text, { overflow: 'reject' });
    } catch {
      throw new UsageError(tr.t('remind.cli.badDate', { option, text }));
    }
  };
  const from = date('from', values.from);
  const to = date('to', values.to);
  if (Temporal.PlainDate.compare(from, to) > 0) throw new UsageError(tr.t('remind.cli.fromAfterTo'));
  if (from.until(to).days > 3660) throw new UsageError(tr.t('remind.cli.tooLong'));
  const restarts = (values['restart-at'] ?? []).map((text) => {
    try {
      return Temporal.Instant.from(text);
    } catch {
      throw new UsageError(tr.t('remind.cli.badRestart', { text }));
    }
  });
  if (values.down === undefined) return { from, to, restarts };
  const [downFrom, downTo, ...extra] = values.down.split('..');
  if (downTo === undefined || extra.length > 0) throw new UsageError(tr.t('remind.cli.badDown'));
  return { from, to, restarts, down: { from: date('down', downFrom), to: date('down', downTo) } };
}
