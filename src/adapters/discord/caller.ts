import type { APIInteractionGuildMember, GuildMember, User } from 'discord.js';
import type { Caller } from '../../core/caller.ts';

/** Where a question was asked: the guild and channel ids (none in DMs). */
export interface DiscordPlace {
  guildId: string | null;
  channelId: string | null;
}

/**
 * The caller as the dispatcher checks it: user id and the role ids held where the question was asked
 * (none in DMs; a member Discord sends raw, from a guild not cached, lists its role ids directly), and
 * the channel as a reminder target id.
 */
export function discordCaller(
  user: User,
  member: GuildMember | APIInteractionGuildMember | null,
  place: DiscordPlace,
): Caller {
  const roleIds =
    member === null ? [] : Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return {
    platform: 'discord',
    userId: user.id,
    roleIds,
    displayName: user.globalName ?? user.username,
    ...(place.guildId && place.channelId && { channel: `discord:${place.guildId}:${place.channelId}` }),
  };
}
