import type { APIInteractionGuildMember, BaseInteraction, GuildMember, Message, User } from 'discord.js';
import type { Caller, PostCheck } from '../../core/caller.ts';
import { type Lang, langOfTag } from '../../i18n/languages.ts';
import { interactionPostCheck, messagePostCheck } from './post-check.ts';

/** Where a question was asked: the guild and channel ids (none in DMs). */
export interface DiscordPlace {
  guildId: string | null;
  channelId: string | null;
}

/** Languages as Discord states them: the person's own (an interaction's `locale`) and the server's. */
interface DiscordLangs {
  own?: Lang | undefined;
  server?: Lang | undefined;
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
  langs: DiscordLangs,
): Caller {
  const roleIds =
    member === null ? [] : Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return {
    platform: 'discord',
    userId: user.id,
    roleIds,
    displayName: user.globalName ?? user.username,
    ...(langs.own && { lang: langs.own }),
    ...(place.guildId && { workspace: `discord:${place.guildId}` as const }),
    ...(langs.server && { workspaceLang: langs.server }),
    ...(place.guildId &&
      place.channelId && { channel: `discord:${place.guildId}:${place.channelId}`, canPostHere }),
  };
}

/** Whoever used a slash command or pressed a button, where they did it, in the language their Discord is in. */
export function interactionCaller(interaction: BaseInteraction): Caller {
  return discordCaller(interaction.user, interaction.member, interaction, interactionPostCheck(interaction), {
    own: langOfTag(interaction.locale),
    server: langOfTag(interaction.guildLocale ?? undefined),
  });
}

/**
 * Whoever wrote a message to the bot (a mention, a DM), where they wrote it. A message does not say
 * the writer's language: the server's is the best guess.
 */
export function messageCaller(message: Message): Caller {
  return discordCaller(message.author, message.member, message, messagePostCheck(message), {
    server: langOfTag(message.guild?.preferredLocale),
  });
}
