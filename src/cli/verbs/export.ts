import { DEFAULT_STORE_PATH } from '../../store/paths.ts';
import { Store } from '../../store/store.ts';
import { type CliArgs, EXIT } from '../options.ts';

/** `twinbot export`: the store as JSON on standard output. */
export async function exportStore({ values }: CliArgs): Promise<number> {
  const store = await Store.open(values.data ?? DEFAULT_STORE_PATH);
  process.stdout.write(`${JSON.stringify(store.catalog.data, null, 2)}\n`);
  return EXIT.ok;
}
