import type { DiscordConfig } from '../../config.ts';
import type { AdapterDeps, RunningAdapter } from '../adapter.ts';
import { connectDiscord } from './client.ts';
import { retiredDiscordVariables } from './settings.ts';

/** The Discord adapter, as `twinbot start` runs it: token and ids from config. */
export async function startDiscord(config: DiscordConfig, deps: AdapterDeps): Promise<RunningAdapter> {
  for (const notice of retiredDiscordVariables(process.env)) deps.log.warn(notice);
  return connectDiscord(config, deps);
}
