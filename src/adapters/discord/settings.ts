import { z } from 'zod';
import { ConfigError } from '../../config.ts';

/** Optional Discord behaviour from the environment (secrets stay in src/config.ts). */
export interface DiscordSettings {
  /** Answer messages that mention the bot; needs the privileged MessageContent intent. */
  messageContent: boolean;
}

const Flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

export function readDiscordSettings(env: NodeJS.ProcessEnv): DiscordSettings {
  const raw = env.DISCORD_MESSAGE_CONTENT;
  if (raw === undefined || raw === '') return { messageContent: false };
  const parsed = Flag.safeParse(raw.trim().toLowerCase());
  if (!parsed.success) {
    throw new ConfigError(
      'DISCORD_MESSAGE_CONTENT must be 1 (answer mentions of the bot; enable the MessageContent intent first) or 0',
    );
  }
  return { messageContent: parsed.data };
}
