import type { Reply } from '../core/reply.ts';
import type { Lang } from '../i18n/languages.ts';

/**
 * How a post ended. `gone`: the channel no longer exists or shuts the bot out, so the target is
 * disabled; `rate_limited`: try again on a later tick; `failed`: anything else, also retried later.
 */
export type DeliveryResult =
  | { ok: true }
  | { ok: false; reason: 'gone' | 'rate_limited' | 'failed'; detail: string };

/** Posts a reminder into one channel of one platform; each adapter provides one. */
export interface Delivery {
  deliver(targetId: string, message: Reply): Promise<DeliveryResult>;
  /** The place's own language as the platform states it (a Discord server's `guild_locale`), where known. */
  placeLang?(targetId: string): Lang | undefined;
}

export type TargetPlatform = 'slack' | 'discord' | 'console';

export type Deliveries = Partial<Record<TargetPlatform, Delivery>>;

export function platformOfTarget(targetId: string): TargetPlatform {
  if (targetId.startsWith('slack:')) return 'slack';
  if (targetId.startsWith('discord:')) return 'discord';
  return 'console';
}
