import type { BaseInteraction, Message, PermissionsBitField } from 'discord.js';
import type { PostCheck } from '../../core/caller.ts';

const GRANT = { key: 'remind.check.grantFix' };

/**
 * Whether the bot can post where an interaction came from. Discord sends the bot's permissions in
 * that channel with every interaction (`app_permissions`), so no request is needed and the check
 * cannot fail. A server the bot is not in (the app was added without its bot) cannot get posts at all.
 */
export function interactionPostCheck(interaction: BaseInteraction): () => Promise<PostCheck> {
  return async () => {
    if (interaction.guildId !== null && interaction.guild === null) {
      return {
        canPost: false,
        why: { key: 'remind.check.notInServer' },
        fix: { key: 'remind.check.notInServerFix' },
      };
    }
    return checkPermissions(interaction.appPermissions, interaction.channel?.isThread() ?? false);
  };
}

/**
 * Whether the bot can post where a message (a mention) was written: its permissions there, worked out
 * from the cached server: its own member and roles (GUILD_CREATE always carries the bot's member) and
 * the channel's overwrites.
 */
export function messagePostCheck(message: Message): () => Promise<PostCheck> {
  return async () => {
    if (!message.inGuild()) return { canPost: true };
    const me = message.guild.members.me;
    if (me === null) {
      return {
        canPost: 'unknown',
        why: { key: 'remind.check.noRoles' },
        fix: { key: 'remind.check.noRolesFix' },
      };
    }
    return checkPermissions(message.channel.permissionsFor(me), message.channel.isThread());
  };
}

/** A reminder is an embed posted in the channel: the bot must see it, send in it and embed links. */
function checkPermissions(permissions: Readonly<PermissionsBitField>, inThread: boolean): PostCheck {
  const missing = permissions.missing([
    'ViewChannel',
    inThread ? 'SendMessagesInThreads' : 'SendMessages',
    'EmbedLinks',
  ]);
  if (missing.length === 0) return { canPost: true };
  // The handler names the permissions as Discord's settings do in the reader's language.
  return {
    canPost: false,
    why: { key: 'remind.check.lacks', values: { permissions: missing.join(',') } },
    fix: GRANT,
  };
}
