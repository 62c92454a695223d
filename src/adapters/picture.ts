import type { Figure } from '../core/figure.ts';
import type { Logger } from '../core/logger.ts';
import type { Reply, Span } from '../core/reply.ts';
import type { Lang } from '../i18n/languages.ts';
import { translator } from '../i18n/translator.ts';
import type { Picture } from '../render/pictures/draw.ts';

export type { Picture } from '../render/pictures/draw.ts';

/** Draws a reply's figure in the reader's language (src/render/pictures). */
export type DrawPicture = (figure: Figure, lang: Lang) => Promise<Picture>;

/**
 * The drawing code (its font parser, WebAssembly and shapes are most of a bundle) loads with the
 * first picture, so the many processes that never draw one start without it.
 */
export const drawPicture: DrawPicture = async (figure, lang) =>
  (await import('../render/pictures/draw.ts')).drawPicture(figure, lang);

/** A reply and the picture drawn for it; without a picture when it has no figure or drawing failed. */
export interface Pictured {
  reply: Reply;
  picture?: Picture;
}

/**
 * Draws the reply's figure. A picture is extra: when drawing fails the text answer still goes out,
 * with a note that the picture could not be shown, and the failure is logged.
 */
export async function drawFor(reply: Reply, draw: DrawPicture, log: Logger): Promise<Pictured> {
  const figure = reply.figure;
  if (!figure) return { reply };
  try {
    return { reply, picture: await draw(figure, reply.lang ?? 'en') };
  } catch (error) {
    log.error(`picture: could not draw a ${figure.kind}: ${messageOf(error)}`);
    return { reply: withoutPicture(reply) };
  }
}

/** The reply with a note, after its own footer, that its picture could not be shown. */
export function withoutPicture(reply: Reply): Reply {
  const note = translator(reply.lang ?? 'en').t('pictureDelivery.notShown');
  const before: Span[] =
    reply.footer === undefined
      ? []
      : [...(typeof reply.footer === 'string' ? [reply.footer] : reply.footer), ' '];
  return { ...reply, footer: [...before, note] };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
