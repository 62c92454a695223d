import { StoreFileError } from '../store/errors.ts';
import { createStore, exists } from '../store/init.ts';
import { DEFAULT_STORE_PATH } from '../store/paths.ts';
import { Store } from '../store/store.ts';
import { BUILD_ID } from './build-id.ts';
import { CODE_CACHE_DIR } from './code-cache.ts';

/**
 * `write: 'on-write'` takes the lock only when a change comes (see JournaledFile); `warm` builds
 * every index at open, for a process that answers many questions (the bot). Any other is a one-shot
 * command, which keeps the office name index for the next (see name-index-cache.ts), in the folder
 * of the code cache.
 */
export type Access = { write: boolean | 'on-write'; warm?: boolean };

/**
 * A writer that finds the store held waits this long before refusing: long enough for a bot that
 * is stopping, or another CLI change, to finish; short enough to tell a person what is wrong.
 */
export const LOCK_WAIT_MS = 5_000;

/**
 * The default store is created from the seed on first use, so `npm start` works on a fresh clone;
 * a path given with --data must already exist.
 */
export async function openStore(explicitPath: string | undefined, access: Access): Promise<Store> {
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
  return Store.open(explicitPath ?? DEFAULT_STORE_PATH, {
    lock: access.write,
    lockWaitMs: LOCK_WAIT_MS,
    ...(access.warm === true
      ? { warm: true }
      : BUILD_ID !== undefined && { nameIndexCache: { dir: CODE_CACHE_DIR, build: BUILD_ID } }),
  });
}

/** Runs a CLI action on the store and gives up the store's lock however the action ends. */
export async function withStore<T = number>(
  path: string | undefined,
  access: Access,
  action: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(path, access);
  try {
    return await action(store);
  } finally {
    await store.close();
  }
}

export function summary(store: Store): string {
  const { data, world } = store.catalog;
  const own = `${data.cities.length} cities, ${data.partnerships.length} partnerships`;
  return world
    ? `${own}, with the world layer (${world.cities.length} cities, ${world.partnerships.length} partnerships)`
    : `${own}, without the world layer`;
}
