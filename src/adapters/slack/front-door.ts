import type { App, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';
import { DELIVERY_MEMORY_MS, readDelivery, type SeenDeliveries } from './deliveries.ts';
import { describeError } from './log.ts';

/**
 * Between a receiver (ours over HTTP, Bolt's over Socket Mode) and Bolt: a body reaches Bolt only in a
 * shape our listeners read, and each delivery only once; whatever Bolt or a listener throws is logged
 * and answered here, so no single request can take the process down.
 */
export class FrontDoor {
  constructor(
    private readonly app: Pick<App, 'processEvent'>,
    private readonly seen: SeenDeliveries,
    private readonly log: Logger,
  ) {}

  /**
   * Hands the event to Bolt, or acknowledges it without running anything. `failed` means Bolt or a
   * listener threw (a bug, logged here): the receiver answers the request as failed if no one has.
   */
  async pass(event: ReceiverEvent): Promise<'ran' | 'dropped' | 'failed'> {
    const delivery = readDelivery(event.body);
    if (!delivery.ok) {
      this.log.warn(`slack: ignored ${delivery.reason}`);
      await event.ack();
      return 'dropped';
    }
    if (!this.seen.first(delivery.key, Date.now() + DELIVERY_MEMORY_MS)) {
      const retry = event.retryNum === undefined ? '' : ` (retry ${event.retryNum})`;
      this.log.info(`slack: ignored a ${delivery.kind} delivered again${retry}; it ran once already`);
      await event.ack();
      return 'dropped';
    }
    try {
      await this.app.processEvent(event);
      return 'ran';
    } catch (error) {
      this.log.error(`slack: a ${delivery.kind} failed inside Bolt: ${describeError(error)}`);
      return 'failed';
    }
  }
}
