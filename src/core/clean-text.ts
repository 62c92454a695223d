/** Control characters and bidirectional overrides: invisible, and able to disguise stored text. */
const HIDDEN = /[\p{Cc}\p{Bidi_Control}]/gu;

/** Text typed into a write command, with line breaks made spaces and hidden characters stripped. */
export function cleanText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(HIDDEN, '')
    .trim();
}
