import { DEFAULT_STORE_PATH } from '../../store/paths.ts';
import { Store } from '../../store/store.ts';
import { type CliArgs, EXIT } from '../options.ts';
import { summary } from '../store-access.ts';

/** `twinbot check`: validates a store file whole, with its journal's edits (exit 2 when it cannot be used). */
export async function check({ values }: CliArgs): Promise<number> {
  const path = values.data ?? DEFAULT_STORE_PATH;
  const store = await Store.open(path, { validate: 'full' });
  process.stdout.write(`${path} is valid: ${summary(store)}\n`);
  return EXIT.ok;
}
