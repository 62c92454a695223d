/** Control characters and bidirectional overrides: invisible, and able to disguise stored text. */
const HIDDEN = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Text typed into a write command, with line breaks made spaces and hidden characters stripped. */
export function cleanText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(HIDDEN, '')
    .trim();
}
