import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';
import { clip } from '../../render/plain.ts';
import type { Block } from '../../render/slack.ts';
import { type DrawPicture, drawFor, messageOf, type Picture, withoutPicture } from '../picture.ts';
import { type Answer, withReply } from './pages.ts';

/** Slack's limit on an upload's alt text (the image block allows more). */
const ALT_TEXT_MAX = 1000;

/**
 * The answer with its picture: drawn, uploaded with `files.uploadV2` and shown by an image block that
 * references the file. The upload is shared to no channel, so it stays private to the bot until a
 * message shows it, and an ephemeral answer's picture stays the asker's. When drawing or uploading
 * fails, the text answer goes out alone with a note saying the picture could not be shown.
 */
export async function withPicture(
  answer: Answer,
  client: webApi.WebClient,
  draw: DrawPicture,
  log: Logger,
): Promise<Answer> {
  const { reply, picture } = await drawFor(answer.reply, draw, log);
  if (!picture) return reply === answer.reply ? answer : withReply(answer, reply);
  try {
    return { ...answer, image: imageBlock(await upload(client, picture), picture) };
  } catch (error) {
    log.error(`slack: could not upload a ${answer.reply.figure?.kind ?? 'picture'}: ${messageOf(error)}`);
    return withReply(answer, withoutPicture(answer.reply));
  }
}

/** Uploads the PNG (getUploadURLExternal, the bytes, completeUploadExternal) and returns the file's id. */
async function upload(client: webApi.WebClient, picture: Picture): Promise<string> {
  const result = await client.files.uploadV2({
    file: Buffer.from(picture.png),
    filename: picture.fileName,
    alt_text: clip(picture.alt, ALT_TEXT_MAX),
  });
  // The library returns each completeUploadExternal answer under `files`; its type does not say so.
  const completed = (result as { files?: { files?: { id?: string }[] }[] }).files;
  const id = completed?.[0]?.files?.[0]?.id;
  if (id === undefined) throw new Error('files.completeUploadExternal named no file');
  return id;
}

function imageBlock(id: string, picture: Picture): Block {
  return { type: 'image', slack_file: { id }, alt_text: clip(picture.alt, ALT_TEXT_MAX) };
}
