import type { PlatformConfig } from '../config.ts';
import type { Deliveries } from '../reminders/delivery.ts';
import type { AdapterDeps, RunningAdapter } from './adapter.ts';

/**
 * Starts every configured platform side by side over one dispatcher; stops those started if one fails.
 * Each platform's library is loaded only when it is configured: discord.js and Bolt take most of a
 * second to load, which the local shell and every `twinbot` command would otherwise pay.
 */
export async function startPlatforms(config: PlatformConfig, deps: AdapterDeps): Promise<RunningAdapter[]> {
  const running: RunningAdapter[] = [];
  try {
    if (config.slack) {
      const { startSlack } = await import('./slack/index.ts');
      running.push(await startSlack(config.slack, deps));
    }
    if (config.discord) {
      const { startDiscord } = await import('./discord/index.ts');
      running.push(await startDiscord(config.discord, deps));
    }
  } catch (error) {
    await Promise.allSettled(running.map((adapter) => adapter.stop()));
    throw error;
  }
  return running;
}

export function hasPlatform(config: PlatformConfig): boolean {
  return config.slack !== undefined || config.discord !== undefined;
}

/** The reminder deliveries of the running platforms. */
export function deliveriesOf(running: readonly RunningAdapter[]): Deliveries {
  return Object.fromEntries(
    running.flatMap((adapter) =>
      adapter.reminders ? [[adapter.reminders.platform, adapter.reminders.delivery]] : [],
    ),
  );
}
