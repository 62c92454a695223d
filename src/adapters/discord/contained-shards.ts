import { setTimeout as sleep } from 'node:timers/promises';
import {
  type IContextFetchingStrategy,
  type IShardingStrategy,
  managerToFetchingStrategyOptions,
  type SessionInfo,
  SimpleContextFetchingStrategy,
  type WebSocketManager,
  WebSocketShard,
  type WebSocketShardDestroyOptions,
  WebSocketShardEvents,
} from '@discordjs/ws';
import { Collection, type GatewaySendPayload } from 'discord.js';

/**
 * How long destroy() lets a shard close its connection politely; a gateway that has stopped
 * answering would otherwise hold it for ws's 30 s close timeout.
 */
const CLOSE_WAIT_MS = 2_000;

/** Told which gateway event could not be handled ("INTERACTION_CREATE #42"), and why. */
export type GatewayFault = (event: string, error: unknown) => void;

type ShardEvent = `${WebSocketShardEvents}`;

/**
 * Runs the gateway shards in this process, as @discordjs/ws's SimpleShardingStrategy (discord.js's
 * default) does, except that an error thrown while the client handles one gateway event stays with
 * that event. discord.js handles every dispatch synchronously inside the shard's frame reader, whose
 * promise nobody awaits, so a throw there (a payload without a field discord.js expects, a value of
 * the wrong type) becomes an unhandled rejection and ends the process, Slack and reminders included.
 * Here it is reported, that one event is dropped, and the next is handled as usual. Only the
 * handling of events is guarded: errors of the connection itself still reach discord.js as before.
 *
 * It also stops for good when destroyed, which @discordjs/ws 1.2 does not while the gateway is
 * unreachable: a shard destroyed during its 500 ms pause between reconnects is "idle", so destroy()
 * does nothing and the pause ends in a new connection, forever; a shard destroyed while its
 * WebSocket is still opening leaves that socket open, and its late error (ECONNREFUSED, the 30 s
 * handshake timeout) is emitted with no listener, which ends the process.
 */
export class ContainedShardingStrategy implements IShardingStrategy {
  private readonly shards = new Collection<number, { shard: WebSocketShard; context: StoppableContext }>();

  constructor(
    private readonly manager: WebSocketManager,
    private readonly fault: GatewayFault,
  ) {}

  async spawn(shardIds: number[]): Promise<void> {
    const options = await managerToFetchingStrategyOptions(this.manager);
    for (const shardId of shardIds) {
      const context = new StoppableContext(new SimpleContextFetchingStrategy(this.manager, options));
      const shard = new WebSocketShard(context, shardId);
      for (const event of Object.values(WebSocketShardEvents) as ShardEvent[]) {
        shard.on(event, (payload?: object) => this.forward(event, shardId, payload));
      }
      this.shards.set(shardId, { shard, context });
    }
  }

  async connect(): Promise<void> {
    await Promise.all(this.shards.map(({ shard }) => shard.connect()));
  }

  async destroy(options?: Omit<WebSocketShardDestroyOptions, 'recover'>): Promise<void> {
    await Promise.all(
      this.shards.map(({ shard, context }) => {
        context.stopped = true;
        return closeForGood(shard, options);
      }),
    );
    this.shards.clear();
  }

  async send(shardId: number, payload: GatewaySendPayload): Promise<void> {
    const spawned = this.shards.get(shardId);
    if (!spawned) throw new RangeError(`Shard ${shardId} not found`);
    return spawned.shard.send(payload);
  }

  /**
   * Nothing in discord.js 14 asks for this. @discordjs/ws declares it with its own, newer
   * @discordjs/collection; the one returned is discord.js's, which lacks only that version's additions.
   */
  async fetchStatus(): Promise<Awaited<ReturnType<IShardingStrategy['fetchStatus']>>> {
    const status = this.shards.mapValues(({ shard }) => shard.status);
    return status as unknown as Awaited<ReturnType<IShardingStrategy['fetchStatus']>>;
  }

  /** What SimpleShardingStrategy does with every shard event, inside a guard. */
  private forward(event: ShardEvent, shardId: number, payload: object | undefined): void {
    try {
      (this.manager.emit as (name: string, data: object) => boolean)(event, { ...payload, shardId });
    } catch (error) {
      this.fault(eventName(event, payload), error);
    }
  }
}

/**
 * The shard's own destroy(), given a moment to close politely, then whatever socket is left is
 * dropped. The socket is private to WebSocketShard; it is the only handle on a connection still
 * opening (see the class comment).
 */
async function closeForGood(
  shard: WebSocketShard,
  options: Omit<WebSocketShardDestroyOptions, 'recover'> | undefined,
): Promise<void> {
  const closing = shard.destroy(options);
  const closed = await Promise.race([closing.then(() => true), sleep(CLOSE_WAIT_MS, false, { ref: false })]);
  const socket = (shard as unknown as { connection: ShardSocket | null }).connection;
  if (socket && socket.readyState !== CLOSED) {
    // Its error, if one is still to come, has nowhere else to go once the shard let go of it.
    socket.addEventListener('error', () => {});
    if (socket.terminate) socket.terminate();
    else socket.close();
  }
  if (!closed) await Promise.race([closing, sleep(CLOSE_WAIT_MS, undefined, { ref: false })]);
}

/** The WebSocket a shard holds: ws's in Node (which can be terminated), the global one elsewhere. */
interface ShardSocket {
  readyState: number;
  addEventListener(event: 'error', listener: () => void): void;
  terminate?: () => void;
  close(): void;
}

const CLOSED = 3;

/**
 * A shard's context, which never lets it connect again once stopped: each (re)connection starts by
 * asking for the session, and that answer then never comes. A promise that never settles holds no
 * timer or socket, so it keeps nothing alive. (One per shard: the manager destroys the strategy and
 * spawns new shards when it learns the shard count, and those must still connect.)
 */
class StoppableContext implements IContextFetchingStrategy {
  stopped = false;

  constructor(private readonly inner: IContextFetchingStrategy) {}

  get options(): IContextFetchingStrategy['options'] {
    return this.inner.options;
  }

  async retrieveSessionInfo(shardId: number): Promise<SessionInfo | null> {
    if (this.stopped) return new Promise<never>(() => {});
    return this.inner.retrieveSessionInfo(shardId);
  }

  async updateSessionInfo(shardId: number, info: SessionInfo | null): Promise<void> {
    await this.inner.updateSessionInfo(shardId, info);
  }

  waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
    return this.inner.waitForIdentify(shardId, signal);
  }
}

/** A dispatch by its type and sequence number ("INTERACTION_CREATE #42"), other events by name. */
function eventName(event: ShardEvent, payload: object | undefined): string {
  if (event !== WebSocketShardEvents.Dispatch) return event;
  const data = (payload as { data?: { t?: unknown; s?: unknown } } | undefined)?.data;
  return `${String(data?.t)} #${String(data?.s)}`;
}
