/**
 * The work's result if it succeeds within `ms`, else undefined (it keeps running). Both platforms
 * answer in the acknowledgement when they can, and acknowledge first when the work is slow.
 * One promise and one timer, since every question passes through here.
 */
export function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms, undefined);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}
