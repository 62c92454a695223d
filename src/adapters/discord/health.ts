import { type Client, Status } from 'discord.js';
import type { Health } from '../adapter.ts';

/**
 * Ready when every gateway shard is ready. The shards' status, not the manager's: discord.js sets
 * the manager's to ready once and leaves it there while a shard reconnects.
 */
export function discordHealth(client: Client): Health {
  const shards = [...client.ws.shards.values()];
  const notReady = shards.find((shard) => shard.status !== Status.Ready);
  if (shards.length > 0 && notReady === undefined) return { ok: true, detail: 'gateway ready' };
  const status = notReady?.status ?? client.ws.status;
  return { ok: false, detail: `gateway ${Status[status] ?? String(status)}` };
}
