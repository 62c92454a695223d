import { describeError, type Log } from './log.ts';

const FAILURE_TEXT =
  'Sorry, something went wrong on our side while answering that. It has been logged; please try again in a moment.';

/**
 * The work done after `ack()`: Slack has already had its answer within 3 s, so failures can no
 * longer travel back through Bolt. Each task is tracked, so stopping waits for answers (and store
 * writes) in progress, and a failure is logged and told to the user instead of vanishing.
 */
export class AfterAck {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: Log) {}

  run(label: string, task: () => Promise<void>, tellUser: (text: string) => Promise<unknown>): Promise<void> {
    const done: Promise<void> = task()
      .catch(async (error: unknown) => {
        this.log(`slack: ${label} failed: ${describeError(error)}`);
        await tellUser(FAILURE_TEXT).catch((notice: unknown) =>
          this.log(`slack: could not tell the user about it either: ${describeError(notice)}`),
        );
      })
      .finally(() => this.running.delete(done));
    this.running.add(done);
    return done;
  }

  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
