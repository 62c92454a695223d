import { type APIEmbed, AttachmentBuilder, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { problem, type Reply } from '../../core/reply.ts';
import { clip } from '../../render/plain.ts';
import { drawFor, type Picture } from '../picture.ts';
import { within } from '../within.ts';
import { confirmRow } from './confirm-buttons.ts';
import { type DiscordContext, NO_MENTIONS } from './context.ts';
import { pageMessage } from './paging.ts';
import { suggestionRow } from './suggestions.ts';

/**
 * A failure of ours becomes a reply that says so; the log gets the reason (never a token: error
 * messages from discord.js and the store carry none, and request URLs are not logged).
 */
export function failSafe(pending: Promise<Reply>, ctx: DiscordContext): Promise<Reply> {
  return pending.catch((error: unknown) => {
    ctx.log.error(`discord: answer failed: ${error instanceof Error ? error.message : String(error)}`);
    return problem('Something went wrong on our side and nothing was changed. Please try again later.');
  });
}

/**
 * The first page of a rendered reply, with its buttons: pages (the others are kept under `key`),
 * suggested commands, and Confirm/Cancel for a change that waits for the asker.
 */
export function firstPage(reply: Reply, key: string, ctx: DiscordContext, picture?: Picture) {
  const pages = ctx.render(reply);
  const rows = [...suggestionRow(reply, ctx.dispatcher), ...confirmRow(reply)];
  // Kept with the pages, so turning a page keeps the answer's own buttons under it.
  if (pages.length > 1) ctx.pages.put(key, pages, rows, reply.lang, reply.paging);
  const message = pageMessage(pages, key, 0, rows, reply.lang, reply.paging);
  return picture ? withPicture(message, picture) : message;
}

/** Discord's limit on an attachment's description, its alt text. */
const ATTACHMENT_DESCRIPTION_MAX = 1024;

/**
 * The picture as the message's attachment, shown as the first embed's image (`attachment://`), with
 * its alt text as the attachment's description. Turning pages edits the embeds and keeps it.
 */
function withPicture<M extends { embeds: APIEmbed[] }>(message: M, picture: Picture) {
  const [first, ...rest] = message.embeds;
  const image = { url: `attachment://${picture.fileName}` };
  return {
    ...message,
    embeds: first ? [{ ...first, image }, ...rest] : [{ image }],
    files: [
      new AttachmentBuilder(Buffer.from(picture.png), {
        name: picture.fileName,
        description: clip(picture.alt, ATTACHMENT_DESCRIPTION_MAX),
      }),
    ],
  };
}

/**
 * Answers a slash command: ephemeral unless the user shared it (errors, refusals and questions waiting
 * for confirmation always are).
 * An answer that is not ready within `deferAfterMs` (a write to a large store) is deferred first,
 * so Discord's 3-second deadline is met; its visibility is then the one asked for.
 */
export async function sendAnswer(
  interaction: ChatInputCommandInteraction,
  pending: Promise<Reply>,
  share: boolean,
  ctx: DiscordContext,
): Promise<void> {
  const answer = failSafe(pending, ctx);
  const early = await within(answer, ctx.deferAfterMs);
  // An answer with a picture is deferred before drawing it: rasterizing holds the event loop, and
  // nothing may delay the acknowledgement past Discord's 3 s.
  if (early === undefined || early.figure !== undefined) {
    const ephemeral = !share || early?.kind === 'error' || early?.confirm !== undefined;
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const { reply, picture } = await drawFor(await answer, ctx.draw, ctx.log);
    await interaction.editReply({
      ...firstPage(reply, interaction.id, ctx, picture),
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  // A question waiting for the asker's Confirm stays theirs, even when they asked to share the answer.
  const ephemeral = !share || early.kind === 'error' || early.confirm !== undefined;
  await interaction.reply({
    ...firstPage(early, interaction.id, ctx),
    allowedMentions: NO_MENTIONS,
    ...(ephemeral && { flags: MessageFlags.Ephemeral }),
  });
}
