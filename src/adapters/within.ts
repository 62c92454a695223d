/**
 * The work's result if it succeeds within `ms`, else undefined (it keeps running). Both platforms
 * answer in the acknowledgement when they can, and acknowledge first when the work is slow.
 */
export function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  return Promise.race([work.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}
