import { Temporal } from 'temporal-polyfill';
import type { RichText } from '../core/reply.ts';
import { type FuzzyDate, precisionOf } from '../domain/fuzzy-date.ts';
import type { Lang } from '../i18n/languages.ts';
import { formatFuzzyDate } from './dates.ts';
import { stripControl } from './plain.ts';

/** Shows a command the reader can type (e.g. as the slash command that runs it, in their language). */
export type FormatCommand = (text: string, lang: Lang) => string;

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Splits every mention Discord would resolve (@everyone, @here, <@user>, <@!user>, <@&role>,
 * <#channel>) with a zero-width space, so stored text shows as written but can never ping or turn
 * into a mention pill. `allowed_mentions` stops the ping too; this also keeps it from looking like one.
 */
export function defuseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(@[!&]?|#)/g, `<$1${ZERO_WIDTH_SPACE}`);
}

/**
 * Escapes what Discord reads as formatting: emphasis, code, spoilers, masked links, `<...>` tokens
 * anywhere, and quotes, headings and lists at the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<]/g, '\\$&')
    .replace(/^(\s*)([>#+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
}

/** Stored or typed text made safe for markdown fields; our own `code` spans stay code. */
function safeMarkdown(text: string): string {
  return stripControl(text)
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? defuseMentions(part) : escapeMarkdown(defuseMentions(part))))
    .join('');
}

/**
 * A day-precision date as `<t:epoch:D>`, which each reader's client shows in their own language and
 * calendar format. The instant is 12:00 UTC because Discord shows it in the reader's time zone:
 * noon keeps the calendar day for every zone from UTC-12 to UTC+11 (midnight would show the day
 * before everywhere west of Greenwich). Month and year dates stay text in the reply's language
 * ("Oktober 1974"): no day is invented.
 */
export function dateMarkdown(date: FuzzyDate, lang: Lang = 'en'): string {
  if (precisionOf(date) !== 'day') return formatFuzzyDate(date, lang);
  const noon = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: 'UTC', plainTime: '12:00' });
  return `<t:${Math.floor(noon.epochMilliseconds / 1000)}:D>`;
}

/** Rich text for places that render markdown (description, field values). */
export function markdownText(text: RichText, formatCommand: FormatCommand, lang: Lang = 'en'): string {
  if (typeof text === 'string') return safeMarkdown(text);
  return text
    .map((span) => {
      if (typeof span === 'string') return safeMarkdown(span);
      if ('date' in span) return dateMarkdown(span.date, lang);
      return `\`${defuseMentions(stripControl(formatCommand(span.command, lang)).replaceAll('`', ''))}\``;
    })
    .join('');
}

/** Rich text for places that show text as typed (footers): no markdown, dates written out. */
export function plainText(text: RichText, formatCommand: FormatCommand, lang: Lang = 'en'): string {
  if (typeof text === 'string') return defuseMentions(stripControl(text));
  return text
    .map((span) => {
      if (typeof span === 'string') return defuseMentions(stripControl(span));
      if ('date' in span) return formatFuzzyDate(span.date, lang);
      return defuseMentions(stripControl(formatCommand(span.command, lang)));
    })
    .join('');
}

/** A label (title, field name) as markdown. */
export function markdownLabel(text: string): string {
  return escapeMarkdown(defuseMentions(stripControl(text)));
}
