import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Link, Reply } from '../core/reply.ts';
import { formatList, translator } from '../i18n/translator.ts';
import { DISCORD_LIMITS as LIMITS } from './discord-limits.ts';
import {
  escapeMarkdown,
  type FormatCommand,
  markdownLabel,
  markdownText,
  plainText,
} from './discord-markdown.ts';

export interface DiscordRenderOptions {
  /** How a command the reader can type is shown; by default as written. */
  formatCommand?: FormatCommand;
}

const COLORS = { answer: 0x2f6f9f, error: 0xc0392b } as const;
/** Room kept in every footer for " · Page 999 of 999" in any of our languages ("Página 999 de 999"). */
const PAGE_MARK_ROOM = 24;
const INLINE_FIELD_CHARS = 60;
const ELLIPSIS = '…';

type Unit = { kind: 'line'; text: string } | { kind: 'field'; field: APIEmbedField };

interface Page {
  lines: string[];
  descriptionLength: number;
  fields: APIEmbedField[];
  chars: number;
}

/**
 * The reply as Discord embeds, one per page: title, fields, rows, sources, suggestions and footer,
 * with dates as `<t:...:D>`. Every page stays within Discord's limits; what does not fit goes on the
 * next page, so nothing is cut and Discord never rejects the message. A pure function.
 */
export function renderDiscordPages(reply: Reply, options: DiscordRenderOptions = {}): APIEmbed[] {
  const formatCommand = options.formatCommand ?? ((text: string) => text);
  const lang = reply.lang ?? 'en';
  const tr = translator(lang);
  const markdown = (text: NonNullable<Reply['text']>) => markdownText(text, formatCommand, lang);
  const fieldUnits = (heading: string | undefined, lines: readonly string[], inlineWhenShort = false) =>
    fieldUnitsNamed(heading, lines, (name) => tr.t('ui.continued', { name }), inlineWhenShort);
  const units: Unit[] = [];
  const fullTitle = reply.title ? markdownLabel(reply.title) : undefined;
  const title = fullTitle === undefined ? undefined : shorten(fullTitle, LIMITS.title);
  // A title too long for its slot is shortened there and shown whole in the body.
  if (fullTitle !== undefined && title !== fullTitle) units.push({ kind: 'line', text: `**${fullTitle}**` });
  if (reply.text) units.push({ kind: 'line', text: markdown(reply.text) });
  for (const field of reply.fields ?? []) {
    units.push(...fieldUnits(field.label, [markdown(field.value)], true));
  }
  // Embeds show the description above the fields: after fields, the rest are fields too, to keep their order.
  const block = (reply.fields ?? []).length > 0 ? fieldUnits : lineUnits;
  for (const section of reply.sections ?? []) {
    if (section.rows.length === 0) continue;
    const rows = section.rows.map((row) => {
      const detail = row.detail ? `\n\u2003${markdown(row.detail)}` : '';
      return `• ${markdown(row.text)}${detail}`;
    });
    units.push(...block(section.heading, rows));
  }
  if (reply.links && reply.links.length > 0)
    units.push(...block(tr.t('ui.sources'), reply.links.map(linkMarkdown)));
  if (reply.suggestions && reply.suggestions.length > 0) {
    const commands = reply.suggestions.map((s) => markdown([{ command: s }]));
    // Our words are escaped like any text; the commands, already code spans, go in after.
    const words = escapeMarkdown(tr.t('render.try', { commands: '\uE000' }));
    units.push(
      ...block(undefined, [words.replace('\uE000', () => formatList(commands, lang, 'disjunction'))]),
    );
  }
  let footer = reply.footer ? plainText(reply.footer, formatCommand, lang) : '';
  // A footer too long to share its slot with the page mark moves to the body, where it can be paged.
  if (footer.length > LIMITS.footer - PAGE_MARK_ROOM) {
    units.push(...block(undefined, [markdown(reply.footer ?? '')]));
    footer = '';
  }

  const room = {
    chars: LIMITS.embedCharsPerMessage - (title?.length ?? 0) - footer.length - PAGE_MARK_ROOM,
    description: LIMITS.description,
  };
  const pages = pack(units, room);
  return pages.map((page, i) => {
    const mark = pages.length > 1 ? tr.t('ui.page', { page: i + 1, count: pages.length }) : '';
    const footerText = [footer, mark].filter((part) => part !== '').join(' · ');
    const description = page.lines.join('\n');
    return {
      color: COLORS[reply.kind],
      ...(title !== undefined && { title }),
      // Discord rejects an embed with nothing in it.
      ...((description !== '' || (page.fields.length === 0 && title === undefined)) && {
        description: description || '—',
      }),
      ...(page.fields.length > 0 && { fields: page.fields }),
      ...(footerText !== '' && { footer: { text: footerText } }),
    };
  });
}

/** Lines for the description, the heading (if any) kept with the first line. */
function lineUnits(heading: string | undefined, lines: readonly string[]): Unit[] {
  return lines.map((text, i) => ({
    kind: 'line',
    text: i === 0 && heading ? `**${markdownLabel(heading)}**\n${text}` : text,
  }));
}

/**
 * Lines as one field, continued over several fields (split between lines where possible) when they
 * are longer than one field holds, the later ones named as continued. A field without a heading
 * gets an invisible name, as Discord requires one.
 */
function fieldUnitsNamed(
  heading: string | undefined,
  lines: readonly string[],
  continued: (name: string) => string,
  inlineWhenShort = false,
): Unit[] {
  const room = LIMITS.fieldName - continued('').length;
  const name = heading ? shorten(markdownLabel(heading), room) : '\u200b';
  const chunks: string[] = [];
  for (const line of lines.flatMap((text) => splitToFit(text || '—', LIMITS.fieldValue))) {
    const last = chunks.length - 1;
    const joined = last >= 0 ? `${chunks[last]}\n${line}` : line;
    if (last >= 0 && joined.length <= LIMITS.fieldValue) chunks[last] = joined;
    else chunks.push(line);
  }
  return chunks.map((value, i) => ({
    kind: 'field',
    field: {
      name: i === 0 || !heading ? name : continued(name),
      value,
      inline:
        inlineWhenShort && chunks.length === 1 && value.length <= INLINE_FIELD_CHARS && !value.includes('\n'),
    },
  }));
}

function linkMarkdown(link: Link): string {
  const label = markdownLabel(link.label);
  if (!link.url || !/^https?:\/\/\S+$/.test(link.url)) return label;
  // A `)` would end the masked link early.
  return `[${label}](${link.url.replaceAll(')', '%29')})`;
}

/** Fills pages in order; a unit larger than a whole page is split first, never dropped. */
function pack(units: readonly Unit[], room: { chars: number; description: number }): Page[] {
  const pages: Page[] = [];
  let page = emptyPage();
  const lineRoom = Math.min(room.description, room.chars);
  for (const unit of units) {
    const pieces: Unit[] =
      unit.kind === 'line' ? splitToFit(unit.text, lineRoom).map((text) => ({ kind: 'line', text })) : [unit];
    for (const piece of pieces) {
      if (!fits(page, piece, room)) {
        pages.push(page);
        page = emptyPage();
      }
      add(page, piece);
    }
  }
  pages.push(page);
  return pages;
}

function emptyPage(): Page {
  return { lines: [], descriptionLength: 0, fields: [], chars: 0 };
}

function cost(page: Page, unit: Unit): number {
  if (unit.kind === 'field') return unit.field.name.length + unit.field.value.length;
  return unit.text.length + (page.lines.length > 0 ? 1 : 0);
}

function fits(page: Page, unit: Unit, room: { chars: number; description: number }): boolean {
  if (page.lines.length === 0 && page.fields.length === 0) return true;
  const extra = cost(page, unit);
  if (page.chars + extra > room.chars) return false;
  if (unit.kind === 'field') return page.fields.length < LIMITS.fieldsPerEmbed;
  return page.descriptionLength + extra <= room.description;
}

function add(page: Page, unit: Unit): void {
  const extra = cost(page, unit);
  page.chars += extra;
  if (unit.kind === 'field') {
    page.fields.push(unit.field);
  } else {
    page.lines.push(unit.text);
    page.descriptionLength += extra;
  }
}

/**
 * Cuts text into pieces of at most `max` characters, at a line break or a space where there is one,
 * never inside a surrogate pair or right after an escaping backslash.
 */
export function splitToFit(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = Math.max(rest.lastIndexOf('\n', max), rest.lastIndexOf(' ', max));
    if (cut < max / 2) cut = max;
    while (cut > 1 && (isHighSurrogate(rest.charCodeAt(cut - 1)) || endsWithEscape(rest.slice(0, cut))))
      cut--;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  pieces.push(rest);
  return pieces;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function endsWithEscape(text: string): boolean {
  return (/\\+$/.exec(text)?.[0].length ?? 0) % 2 === 1;
}

/** Text shortened to `max` characters, visibly (with an ellipsis). */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - ELLIPSIS.length;
  while (cut > 1 && (isHighSurrogate(text.charCodeAt(cut - 1)) || endsWithEscape(text.slice(0, cut)))) cut--;
  return `${text.slice(0, cut)}${ELLIPSIS}`;
}
