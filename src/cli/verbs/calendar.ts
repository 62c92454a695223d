import { anniversaryCalendar } from '../../render/calendar.ts';
import { cliLang } from '../lang.ts';
import { type CliArgs, EXIT } from '../options.ts';
import { withStore } from '../store-access.ts';
import { parseToday } from '../today.ts';

/** `twinbot calendar`: an iCalendar of the day-precision anniversaries. */
export async function calendar({ values }: CliArgs): Promise<number> {
  const lang = cliLang(values.lang, process.env);
  return withStore(values.data, { write: false }, async (store) => {
    process.stdout.write(anniversaryCalendar(store.catalog, parseToday(values.today), lang));
    return EXIT.ok;
  });
}
