import { eastAsianWidth } from 'get-east-asian-width';
import type { Reply, RichText } from '../core/reply.ts';
import type { Lang } from '../i18n/languages.ts';
import { formatList, translator } from '../i18n/translator.ts';
import { formatFuzzyDate } from './dates.ts';

/** Text cut to `max` characters with "…", never between the two halves of a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, cut)}…`;
}

/**
 * Terminal columns a text takes: East Asian wide and fullwidth characters (Japanese, Chinese) take
 * two. Only the width table is loaded (string-width's emoji handling would cost every cold start).
 */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += eastAsianWidth(ch.codePointAt(0) ?? 0);
  return width;
}

/**
 * Removes control characters (except line breaks) and bidirectional overrides, so stored text can
 * neither drive a terminal nor disguise itself.
 */
export function stripControl(text: string): string {
  return text.replace(/[\p{Cc}\p{Bidi_Control}]/gu, (ch) => (ch === '\n' ? ch : ''));
}

export function plainSpans(text: RichText, lang: Lang = 'en'): string {
  if (typeof text === 'string') return stripControl(text);
  return text
    .map((span) => {
      if (typeof span === 'string') return stripControl(span);
      if ('date' in span) return formatFuzzyDate(span.date, lang);
      return `\`${stripControl(span.command)}\``;
    })
    .join('');
}

/** The reply as plain text: for the shell, the CLI and notification fallbacks. Shows everything. */
export function renderPlain(reply: Reply): string {
  const lang = reply.lang ?? 'en';
  const { t } = translator(lang);
  const lines: string[] = [];
  if (reply.title) lines.push(stripControl(reply.title), '');
  if (reply.text) lines.push(plainSpans(reply.text, lang));
  const labels = (reply.fields ?? []).map((field) => `${stripControl(field.label)}${t('ui.labelEnd')}`);
  // Columns on a terminal: a Japanese or Chinese character takes two, so padding counts columns, not characters.
  const width = Math.max(0, ...labels.map(displayWidth));
  (reply.fields ?? []).forEach((field, i) => {
    const label = labels[i] ?? '';
    lines.push(`${label}${' '.repeat(width - displayWidth(label) + 1)}${plainSpans(field.value, lang)}`);
  });
  for (const section of reply.sections ?? []) {
    if (section.rows.length === 0) continue;
    lines.push('');
    if (section.heading) lines.push(`${stripControl(section.heading)}${t('ui.labelEnd')}`);
    for (const row of section.rows) {
      lines.push(`  • ${plainSpans(row.text, lang)}`);
      if (row.detail) lines.push(`    ${plainSpans(row.detail, lang)}`);
    }
  }
  if (reply.links && reply.links.length > 0) {
    lines.push('', t('render.sources'));
    for (const link of reply.links)
      lines.push(`  ${stripControl(link.label)}${link.url ? ` <${stripControl(link.url)}>` : ''}`);
  }
  if (reply.suggestions && reply.suggestions.length > 0) {
    const commands = reply.suggestions.map((s) => `\`${stripControl(s)}\``);
    lines.push('', t('render.try', { commands: formatList(commands, lang, 'disjunction') }));
  }
  if (reply.confirm)
    lines.push('', t('render.confirm', { command: `\`${stripControl(reply.confirm.command)}\`` }));
  if (reply.footer) lines.push('', plainSpans(reply.footer, lang));
  return lines.join('\n').replace(/^\n+/, '');
}
