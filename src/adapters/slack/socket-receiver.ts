import { type App, SocketModeReceiver, type SocketModeReceiverOptions } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';
import type { SeenDeliveries } from './deliveries.ts';
import { FrontDoor } from './front-door.ts';
import { describeError } from './log.ts';

/**
 * How long stopping lets Slack answer the WebSocket's close; a connection that has stopped answering
 * would otherwise be held until the socket client's ping times out.
 */
const CLOSE_WAIT_MS = 2_000;

/**
 * When a reconnection cannot reach Slack, the next try waits this long, doubling after each failure
 * up to RETRY_MAX_MS: often enough to be back soon after an outage, rarely enough not to hammer it.
 */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 60_000;

/** Failures of the connection, not of our settings: worth trying again (the Web API's error codes). */
const TRANSIENT_ERRORS = new Set(['slack_webapi_request_error', 'slack_webapi_http_error']);

/** What the wrappers below touch of Bolt's socket client: its WebSocket message handler, and start(). */
interface SocketClientInternals {
  start(): Promise<unknown>;
  onWebSocketMessage(data: string | ArrayBuffer, isBinary: boolean): Promise<void>;
  removeAllListeners(event: 'ws_message'): void;
  on(event: 'ws_message', listener: (data: string | ArrayBuffer, isBinary: boolean) => void): void;
}

/**
 * Bolt's Socket Mode receiver with the FrontDoor in front of the app: envelopes reach Bolt only in
 * the shapes our listeners read, a redelivered event (Slack sends it again with `retry_attempt` when
 * an acknowledgement is late) runs once, and a failure is logged and the envelope acknowledged, so
 * Slack does not deliver it again.
 */
export class GuardedSocketModeReceiver extends SocketModeReceiver {
  private stopping = false;
  private retry: NodeJS.Timeout | undefined;
  private failedRetries = 0;

  constructor(
    options: SocketModeReceiverOptions,
    private readonly seen: SeenDeliveries,
    private readonly log: Logger,
  ) {
    super(options);
    // The socket client reads `payload.event.type` of an events_api envelope before anything else can
    // look at it, in a handler whose failure nothing catches: an envelope without an event would end
    // the process. Its handler is wrapped so such an envelope is logged and dropped instead.
    const client = this.client as unknown as SocketClientInternals;
    const handle = client.onWebSocketMessage.bind(client);
    client.removeAllListeners('ws_message');
    client.on('ws_message', (data, isBinary) => {
      handle(data, isBinary).catch((error: unknown) => {
        this.log.warn(
          `slack: dropped a Socket Mode message the socket client could not read: ${describeError(error)}`,
        );
      });
    });
  }

  override async start(): ReturnType<SocketModeReceiver['start']> {
    const connected = await super.start();
    this.guardReconnections();
    return connected;
  }

  override async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retry);
    const disconnected = new Promise<boolean>((resolve) => {
      const late = setTimeout(() => resolve(false), CLOSE_WAIT_MS);
      this.client.once('disconnected', () => {
        clearTimeout(late);
        resolve(true);
      });
    });
    await super.stop();
    // Asked again while its close is unanswered, the socket is dropped at once.
    if (!(await disconnected)) this.client.websocket?.disconnect();
  }

  /**
   * The socket client reconnects by calling its own start() from a timer and leaves the promise
   * unhandled: when Slack's API cannot be reached it rejects (an unhandled rejection), and when the
   * client is stopped meanwhile it rejects too, which would end a process that is stopping. And a
   * reconnection already past its first step when the bot stops would connect again afterwards,
   * keeping the stopped bot running. So reconnections are wrapped: failures are logged (not while
   * stopping), and a connection made after the stop is closed again. The socket client gives up for
   * good when Slack cannot be reached (a request or HTTP error): it is tried again here, with growing
   * pauses, so the bot is back on Slack once Slack is, without a restart.
   */
  private guardReconnections(): void {
    const client = this.client as unknown as SocketClientInternals;
    const start = client.start.bind(client);
    client.start = async () => {
      try {
        const connected = await start();
        this.failedRetries = 0;
        if (this.stopping) await this.client.disconnect();
        return connected;
      } catch (error) {
        if (this.stopping) return undefined;
        if (!TRANSIENT_ERRORS.has((error as { code?: string }).code ?? '')) {
          this.log.error(
            `slack: Socket Mode could not reconnect, and will not try again: ${describeError(error)}`,
          );
          return undefined;
        }
        const wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.failedRetries);
        this.failedRetries += 1;
        this.log.warn(
          `slack: Socket Mode could not reconnect: ${describeError(error)}; trying again in ${wait / 1000} s`,
        );
        this.retry = setTimeout(() => {
          this.retry = undefined;
          void client.start();
        }, wait);
        return undefined;
      }
    };
  }

  /** Whether the WebSocket to Slack is open (the client reconnects by itself when it drops). */
  connected(): boolean {
    return this.client.websocket?.isActive() === true;
  }

  override init(app: App): void {
    const door = new FrontDoor(app, this.seen, this.log);
    const guarded: Pick<App, 'processEvent'> = {
      processEvent: async (event) => {
        if ((await door.pass(event)) !== 'failed') return;
        await event.ack().catch((error: unknown) => {
          this.log.error(`slack: could not acknowledge a failed envelope: ${describeError(error)}`);
        });
      },
    };
    // Bolt's receiver calls nothing on the app but processEvent.
    super.init(guarded as App);
  }
}
