/**
 * How long an answer may take to travel back inside the acknowledgement itself. Slack gives up on an
 * acknowledgement after 3 s, so slower work (a write to a large store, say) is acknowledged first and
 * answered through the response_url. Answers from memory take well under a millisecond.
 */
export const ANSWER_IN_ACK_MS = 1500;

/** The work's result if it succeeds within `ms`, else undefined (it keeps running). */
export function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  return Promise.race([work.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}
