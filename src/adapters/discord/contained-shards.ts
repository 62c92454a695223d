import {
  type IShardingStrategy,
  managerToFetchingStrategyOptions,
  SimpleContextFetchingStrategy,
  type WebSocketManager,
  WebSocketShard,
  type WebSocketShardDestroyOptions,
  WebSocketShardEvents,
} from '@discordjs/ws';
import { Collection, type GatewaySendPayload } from 'discord.js';

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
 */
export class ContainedShardingStrategy implements IShardingStrategy {
  private readonly shards = new Collection<number, WebSocketShard>();

  constructor(
    private readonly manager: WebSocketManager,
    private readonly fault: GatewayFault,
  ) {}

  async spawn(shardIds: number[]): Promise<void> {
    const options = await managerToFetchingStrategyOptions(this.manager);
    for (const shardId of shardIds) {
      const shard = new WebSocketShard(new SimpleContextFetchingStrategy(this.manager, options), shardId);
      for (const event of Object.values(WebSocketShardEvents) as ShardEvent[]) {
        shard.on(event, (payload?: object) => this.forward(event, shardId, payload));
      }
      this.shards.set(shardId, shard);
    }
  }

  async connect(): Promise<void> {
    await Promise.all(this.shards.map((shard) => shard.connect()));
  }

  async destroy(options?: Omit<WebSocketShardDestroyOptions, 'recover'>): Promise<void> {
    await Promise.all(this.shards.map((shard) => shard.destroy(options)));
    this.shards.clear();
  }

  async send(shardId: number, payload: GatewaySendPayload): Promise<void> {
    const shard = this.shards.get(shardId);
    if (!shard) throw new RangeError(`Shard ${shardId} not found`);
    return shard.send(payload);
  }

  /**
   * Nothing in discord.js 14 asks for this. @discordjs/ws declares it with its own, newer
   * @discordjs/collection; the one returned is discord.js's, which lacks only that version's additions.
   */
  async fetchStatus(): Promise<Awaited<ReturnType<IShardingStrategy['fetchStatus']>>> {
    const status = this.shards.mapValues((shard) => shard.status);
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

/** A dispatch by its type and sequence number ("INTERACTION_CREATE #42"), other events by name. */
function eventName(event: ShardEvent, payload: object | undefined): string {
  if (event !== WebSocketShardEvents.Dispatch) return event;
  const data = (payload as { data?: { t?: unknown; s?: unknown } } | undefined)?.data;
  return `${String(data?.t)} #${String(data?.s)}`;
}
