import { commands } from '../../../commands/index.ts';
import { Dispatcher } from '../../core/dispatcher.ts';
import { hasLedger, openLedger } from '../../reminders/ledger.ts';
import { renderPlain } from '../../render/plain.ts';
import { cliCaller } from '../cli-caller.ts';
import { cliLang } from '../lang.ts';
import { type CliArgs, EXIT, UsageError } from '../options.ts';
import { withStore } from '../store-access.ts';
import { parseToday } from '../today.ts';

/** `twinbot ask "<command text>"`: one answer, in plain text. */
export async function ask({ values, rest }: CliArgs): Promise<number> {
  const words = rest.join(' ');
  if (words.trim() === '')
    throw new UsageError('ask needs the command text, e.g. twinbot ask "partners Prague"');
  const today = parseToday(values.today);
  const lang = cliLang(values.lang, process.env);
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
    }).answerText(text, cliCaller(lang));
    process.stdout.write(`${renderPlain(reply)}\n`);
    return EXIT.ok;
  });
}
