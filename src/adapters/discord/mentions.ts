import type { Message } from 'discord.js';
import { failSafe, firstPage } from './answer.ts';
import { messageCaller } from './caller.ts';
import { type DiscordContext, NO_MENTIONS } from './context.ts';

/**
 * A message that starts by mentioning the bot (`@twinbot partners Prague`), or any direct message to
 * it, is answered with the text grammar (or as a question in plain words), as a reply. Only reached
 * when the MessageContent intent is enabled; other bots are ignored so two bots never answer each other.
 */
export async function answerMention(message: Message, botUserId: string, ctx: DiscordContext): Promise<void> {
  if (message.author.bot) return;
  const text = message.content.trim();
  const match = new RegExp(`^<@!?${botUserId}>([\\s\\S]*)$`).exec(text);
  const question = match ? match[1] : message.guildId === null ? text : undefined;
  if (question === undefined) return;
  const caller = messageCaller(message);
  const reply = await failSafe(ctx.dispatcher.answerText(question, caller), ctx);
  await message.reply({ ...firstPage(reply, message.id, ctx), allowedMentions: NO_MENTIONS });
}
