import type { Message } from 'discord.js';
import * as z from 'zod';
import { drawFor } from '../picture.ts';
import { failSafe, firstPage } from './answer.ts';
import { messageCaller } from './caller.ts';
import { type DiscordContext, NO_MENTIONS } from './context.ts';

/** The longest message Discord lets anyone write (4,000 characters with Nitro, 2,000 without). */
const MESSAGE_TEXT_MAX = 4000;

/**
 * What a message must have to be answered. discord.js copies a payload's fields as they come, so a
 * message without an author or with content that is not text reaches us as it is.
 */
const MessageSchema = z.object({
  content: z.string().max(MESSAGE_TEXT_MAX),
  author: z.object({ bot: z.boolean() }),
});

/**
 * A message that starts by mentioning the bot (`@twinbot partners Prague`), or any direct message to
 * it, is answered with the text grammar (or as a question in plain words), as a reply. Without the
 * Message Content intent Discord sends other guild messages with empty content, so they match
 * neither and are ignored; other bots are ignored so two bots never answer each other, and so are
 * messages that are not text Discord could have sent.
 */
export async function answerMention(message: Message, botUserId: string, ctx: DiscordContext): Promise<void> {
  const parsed = MessageSchema.safeParse(message);
  if (!parsed.success || parsed.data.author.bot) return;
  const text = parsed.data.content.trim();
  const match = new RegExp(`^<@!?${botUserId}>([\\s\\S]*)$`).exec(text);
  const question = match ? match[1] : message.guildId === null ? text : undefined;
  if (question === undefined) return;
  const caller = messageCaller(message);
  // A message reply has no deadline: the picture is drawn before it goes.
  const answered = await failSafe(ctx.dispatcher.answerText(question, caller), ctx);
  const { reply, picture } = await drawFor(answered, ctx.draw, ctx.log);
  await message.reply({ ...firstPage(reply, message.id, ctx, picture), allowedMentions: NO_MENTIONS });
}
