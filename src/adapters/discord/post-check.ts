import type { BaseInteraction, Message, PermissionsBitField, PermissionsString } from 'discord.js';
import type { PostCheck } from '../../core/caller.ts';

const LABELS: Partial<Record<PermissionsString, string>> = {
  ViewChannel: 'View Channel',
  SendMessages: 'Send Messages',
  SendMessagesInThreads: 'Send Messages in Threads',
  EmbedLinks: 'Embed Links',
};

const GRANT =
  'A server admin can give me View Channel, Send Messages and Embed Links in this channel (Edit Channel > Permissions), or invite me again with the link in the README; then set up the reminders again.';

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
        why: 'I am not in this server, only my commands are',
        fix: 'A server admin can invite me with the link in the README; then set up the reminders again.',
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
        why: 'Discord has not told me my roles in this server',
        fix: 'Use `/twin-staff remind` instead: Discord sends my permissions with it.',
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
  const names = missing.map((permission) => LABELS[permission] ?? permission);
  return { canPost: false, why: `I lack ${names.join(', ')} here`, fix: GRANT };
}
