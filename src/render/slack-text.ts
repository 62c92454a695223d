import type { RichText } from '../core/reply.ts';
import { type FuzzyDate, fuzzyDateParts } from '../domain/fuzzy-date.ts';
import type { Lang } from '../i18n/languages.ts';
import { formatFuzzyDate } from './dates.ts';
import { stripControl } from './plain.ts';

/**
 * Slack reads `&`, `<` and `>` as control characters in every text object: `<!channel>`, `<@U123>`
 * and `<!subteam^S1>` ping people. Escaping the three makes any stored or typed text render as
 * itself (a stored `&lt;` shows as `&lt;`), so nothing we post can ping anyone.
 */
export function escapeMrkdwn(text: string): string {
  // Most text needs nothing done; checking first keeps rendering cheap on every answer.
  if (!NEEDS_ESCAPING.test(text)) return text;
  return stripControl(text).replace(/[&<>]/g, (ch) => ENTITIES[ch] ?? ch);
}

const NEEDS_ESCAPING = /[&<>\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * The hour (UTC) of the instant shown for a calendar date. Slack formats `<!date^epoch^...>` in each
 * reader's time zone, so the instant must fall on the same calendar day in as many zones as possible.
 * No instant does so everywhere (inhabited offsets span UTC−11 to UTC+14, 25 hours); 10:00 UTC keeps
 * the day from UTC−10 to UTC+13:59, which loses only a few Pacific islands, where 12:00 UTC would
 * lose New Zealand, Fiji and Kamchatka. The fallback text always carries the exact date.
 */
const DAY_ANCHOR_UTC_HOUR = 10;

/**
 * A date in the reader's own locale for dates known to the day; month and year dates stay text in
 * the reply's language ("October 1974", "octobre 1974", "836"), since a timestamp would invent a day.
 * The fallback text, shown where Slack cannot format, is in the reply's language too.
 */
export function slackDate(date: FuzzyDate, lang: Lang = 'en'): string {
  const fallback = formatFuzzyDate(date, lang);
  const { year, month, day, precision } = fuzzyDateParts(date);
  if (precision !== 'day' || month === undefined || day === undefined) return fallback;
  const instant = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as they are (79 stays 79, not 1979).
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(DAY_ANCHOR_UTC_HOUR);
  return `<!date^${instant.getTime() / 1000}^{date_long}|${fallback}>`;
}

/** A command the reader can type, as inline code; a backtick inside would end the code span early. */
export function commandCode(command: string, prefix: string): string {
  return `\`${escapeMrkdwn(`${prefix}${command}`.replace(/`/g, "'"))}\``;
}

/** Rich text as mrkdwn: stored text escaped, dates as Slack dates, commands as code. */
export function mrkdwn(text: RichText, commandPrefix: string, lang: Lang = 'en'): string {
  if (typeof text === 'string') return escapeMrkdwn(text);
  return text
    .map((span) => {
      if (typeof span === 'string') return escapeMrkdwn(span);
      if ('date' in span) return slackDate(span.date, lang);
      return commandCode(span.command, commandPrefix);
    })
    .join('');
}

/** `<url|label>` for web links (the schema only admits http and https); `|`, `<`, `>` would end the link early. */
export function mrkdwnLink(label: string, url: string): string {
  const safeUrl = url.replace(/&/g, '&amp;').replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}

/**
 * Cuts mrkdwn into pieces of at most `max` characters: at a line break if possible, else at a space,
 * never inside one of our `<...>` tokens (every `<` of stored text is escaped, so each `<` left is
 * ours), an `&...;` entity or a surrogate pair. The separator at a cut is dropped; nothing else is.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const { at, skip } = cutPoint(rest, max);
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at + skip);
  }
  if (rest !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function cutPoint(text: string, max: number): { at: number; skip: number } {
  for (const separator of ['\n', ' ']) {
    for (let at = text.lastIndexOf(separator, max); at > 0; at = text.lastIndexOf(separator, at - 1)) {
      if (!insideToken(text, at)) return { at, skip: 1 };
    }
  }
  let at = max;
  if (insideToken(text, at)) at = text.lastIndexOf('<', at);
  const amp = text.lastIndexOf('&', at - 1);
  if (amp >= 0 && at - amp < '&amp;'.length && !text.slice(amp, at).includes(';')) at = amp;
  if (/[\uD800-\uDBFF]/.test(text[at - 1] ?? '')) at -= 1;
  // A single token longer than a whole piece cannot be kept whole; cutting it beats never finishing.
  return { at: at > 0 ? at : max, skip: 0 };
}

function insideToken(text: string, at: number): boolean {
  return text.lastIndexOf('<', at - 1) > text.lastIndexOf('>', at - 1);
}
