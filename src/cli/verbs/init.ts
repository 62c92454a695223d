import { createStore, exists } from '../../store/init.ts';
import { DEFAULT_STORE_PATH } from '../../store/paths.ts';
import { type CliArgs, EXIT, UsageError } from '../options.ts';
import { summary } from '../store-access.ts';

/** `twinbot init`: a new store file from the shipped seed with the world layer (or without it), or an empty one. */
export async function init({ values }: CliArgs): Promise<number> {
  const path = values.data ?? DEFAULT_STORE_PATH;
  if (await exists(path)) throw new UsageError(`${path} already exists; it was left as it is.`);
  const store = await createStore(path, { empty: values.empty === true, world: values['no-world'] !== true });
  process.stdout.write(`Created ${path}: ${summary(store)}\n`);
  return EXIT.ok;
}
