/**
 * The answers being worked out or sent, so stopping can finish them before the client goes: after
 * client.destroy() the REST client has no token, and a half-sent answer would be lost.
 */
export class UnderWay {
  private readonly answers = new Set<Promise<void>>();
  private closed = false;

  /** Runs `answer` unless stopping has begun (then the question is left unanswered). */
  start(answer: () => Promise<void>): void {
    if (this.closed) return;
    const running = answer();
    this.answers.add(running);
    void running.finally(() => this.answers.delete(running));
  }

  /** Takes no new answers from now on; resolves once those under way have finished. */
  async finish(): Promise<void> {
    this.closed = true;
    while (this.answers.size > 0) await Promise.allSettled([...this.answers]);
  }
}
