import type { PlatformConfig } from '../config.ts';
import type { Deliveries } from '../reminders/delivery.ts';
import type { AdapterDeps, RunningAdapter } from './adapter.ts';
import { startDiscord } from './discord/index.ts';
import { startSlack } from './slack/index.ts';

/** Starts every configured platform side by side over one dispatcher; stops those started if one fails. */
export async function startPlatforms(config: PlatformConfig, deps: AdapterDeps): Promise<RunningAdapter[]> {
  const running: RunningAdapter[] = [];
  try {
    if (config.slack) running.push(await startSlack(config.slack, deps));
    if (config.discord) running.push(await startDiscord(config.discord, deps));
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
