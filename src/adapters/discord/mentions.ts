import type { Message } from 'discord.js';
import { failSafe, firstPage } from './answer.ts';
import { discordCaller } from './caller.ts';
import { type DiscordContext, NO_MENTIONS } from './context.ts';

/**
 * A message that starts by mentioning the bot (`@twinbot partners Prague`) is answered with the text
 * grammar, as a reply in the channel. Only reached when the MessageContent intent is enabled; other
 * bots are ignored so two bots never answer each other.
 */
export async function answerMention(message: Message, botUserId: string, ctx: DiscordContext): Promise<void> {
  if (message.author.bot) return;
  const match = new RegExp(`^<@!?${botUserId}>([\\s\\S]*)$`).exec(message.content.trim());
  if (!match) return;
  const caller = discordCaller(message.author, message.member, message);
  const reply = await failSafe(ctx.dispatcher.answerText(match[1] ?? '', caller), ctx);
  await message.reply({ ...firstPage(reply, message.id, ctx), allowedMentions: NO_MENTIONS });
}
