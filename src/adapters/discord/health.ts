import { type Client, Status } from 'discord.js';
import type { Health } from '../adapter.ts';

/** Ready when discord.js reports its gateway connection ready; otherwise the state it is in. */
export function discordHealth(client: Client): Health {
  const status = client.ws.status;
  return status === Status.Ready
    ? { ok: true, detail: 'gateway ready' }
    : { ok: false, detail: `gateway ${Status[status] ?? String(status)}` };
}
