import type { DiscordConfig } from '../../config.ts';
import type { AdapterDeps, RunningAdapter } from '../adapter.ts';
import { connectDiscord } from './client.ts';
import { readDiscordSettings } from './settings.ts';

/** The Discord adapter, as `twinbot start` runs it: token and ids from config, options from the environment. */
export async function startDiscord(config: DiscordConfig, deps: AdapterDeps): Promise<RunningAdapter> {
  return connectDiscord(config, deps, readDiscordSettings(process.env));
}
