import { commands } from '../../../commands/index.ts';
import { drawFor, drawPicture } from '../../adapters/picture.ts';
import { savePicture } from '../../adapters/picture-file.ts';
import { Dispatcher } from '../../core/dispatcher.ts';
import { silentLogger } from '../../core/logger.ts';
import { hasLedger, openLedger } from '../../reminders/ledger.ts';
import { renderPlain } from '../../render/plain.ts';
import { cliCaller } from '../cli-caller.ts';
import { cliLang } from '../lang.ts';
import { type CliArgs, EXIT, UsageError } from '../options.ts';
import { withStore } from '../store-access.ts';
import { parseToday } from '../today.ts';

/**
 * `twinbot ask "<command text>"`: one answer, in plain text; a map, timeline or chart is also written
 * as a PNG (to `--out FILE`, else the default picture folder) and its path printed. A picture that
 * cannot be written to the file asked for fails the command, after the text answer.
 */
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
    // The note under the answer tells the asker when drawing failed; the CLI has no log to add to.
    const { reply: shown, picture } = await drawFor(reply, drawPicture, silentLogger);
    process.stdout.write(`${renderPlain(shown)}\n`);
    if (!picture) return EXIT.ok;
    const saved = await savePicture(picture, shown.lang ?? 'en', values.out);
    (saved.ok ? process.stdout : process.stderr).write(`${saved.line}\n`);
    return saved.ok ? EXIT.ok : EXIT.failed;
  });
}
