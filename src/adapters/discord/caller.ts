import type { APIInteractionGuildMember, BaseInteraction, GuildMember, Message, User } from 'discord.js';
import type { Caller, PostCheck } from '../../core/caller.ts';
import { interactionPostCheck, messagePostCheck } from './post-check.ts';

/** Where a question was asked: the guild and channel ids (none in DMs). */
export interface DiscordPlace {
  guildId: string | null;
  channelId: string | null;
}

/**
 * The caller as the dispatcher checks it: user id and the role ids held where the question was asked
 * (none in DMs; a member Discord sends raw, from a guild not cached, lists its role ids directly), and
 * the channel as a reminder target id, with the way to ask whether the bot can post there.
 */
function discordCaller(
  user: User,
  member: GuildMember | APIInteractionGuildMember | null,
  place: DiscordPlace,
  canPostHere: () => Promise<PostCheck>,
): Caller {
  const roleIds =
    member === null ? [] : Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return {
    platform: 'discord',
    userId: user.id,
    roleIds,
    displayName: user.globalName ?? user.username,
    ...(place.guildId &&
      place.channelId && { channel: `discord:${place.guildId}:${place.channelId}`, canPostHere }),
  };
}

/** Whoever used a slash command or pressed a button, where they did it. */
export function interactionCaller(interaction: BaseInteraction): Caller {
  return discordCaller(interaction.user, interaction.member, interaction, interactionPostCheck(interaction));
}

/** Whoever wrote a message to the bot (a mention, a DM), where they wrote it. */
export function messageCaller(message: Message): Caller {
  return discordCaller(message.author, message.member, message, messagePostCheck(message));
}
