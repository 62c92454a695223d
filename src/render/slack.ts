import type { types } from '@slack/bolt';
import type { Reply } from '../core/reply.ts';
import type { Lang } from '../i18n/languages.ts';
import { formatList, type Translator, translator } from '../i18n/translator.ts';
import { plainSpans, stripControl } from './plain.ts';
import { commandCode, escapeMrkdwn, mrkdwn, mrkdwnLink, splitMrkdwn } from './slack-text.ts';

export type Block = types.KnownBlock;

/** Limits Slack enforces on one message (it rejects the message, it does not cut it). */
const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  headerText: 150,
  /** Slack documents no exact figure; messages above about 12k characters of block text fail. */
  blockText: 12_000,
} as const;

/**
 * What one page may use. The adapter adds one actions block (Share, More), and the text budget stays
 * well below Slack's figure because the JSON around the text also counts towards its limit.
 */
export const PAGE_BUDGET = { blocks: SLACK_LIMITS.blocks - 2, chars: 9_000 } as const;

export interface SlackPage {
  blocks: Block[];
  /** Notification and screen-reader fallback: a short summary, escaped like the blocks. */
  text: string;
}

interface SlackRenderOptions {
  /** How the reader types a command here, e.g. `/twin `. */
  commandPrefix?: string;
}

/**
 * The reply as Block Kit pages, each within Slack's limits. Everything is shown: long answers are
 * split into pages in order, never cut. Pure: same reply, same pages.
 */
export function renderSlack(reply: Reply, options: SlackRenderOptions = {}): SlackPage[] {
  const prefix = options.commandPrefix ?? '';
  const tr = translator(reply.lang ?? 'en');
  const title = reply.title ? stripControl(reply.title) : undefined;
  const pages = paginate(contentBlocks(reply, prefix, tr), title === undefined ? 0 : titleBlockChars(title));
  const summary = fallbackText(reply, tr);
  return pages.map((blocks, index) => {
    const count = pages.length;
    const head = title === undefined ? [] : [titleBlock(title)];
    const page = { page: index + 1, count };
    const marker: Block[] = count > 1 ? [context(escapeMrkdwn(tr.t('ui.page', page)))] : [];
    return {
      blocks: [...head, ...blocks, ...marker],
      text: count > 1 ? tr.t('ui.pageSummary', { summary, ...page }) : summary,
    };
  });
}

/** The blocks after the title, in reading order; each one alone is within Slack's limits. */
function contentBlocks(reply: Reply, prefix: string, tr: Translator): Block[] {
  const lang = tr.lang;
  const blocks: Block[] = [];
  if (reply.text) blocks.push(...sections([mrkdwn(reply.text, prefix, lang)]));
  blocks.push(...fieldBlocks(reply, prefix, lang));
  for (const section of reply.sections ?? []) {
    if (section.rows.length === 0) continue;
    const lines = section.rows.map(
      (row) =>
        `• ${mrkdwn(row.text, prefix, lang)}${row.detail ? `\n      ${mrkdwn(row.detail, prefix, lang)}` : ''}`,
    );
    blocks.push(...sections(section.heading ? [`*${escapeMrkdwn(section.heading)}*`, ...lines] : lines));
  }
  if (reply.suggestions && reply.suggestions.length > 0) {
    const commands = formatList(
      reply.suggestions.map((s) => commandCode(s, prefix)),
      lang,
      'disjunction',
    );
    blocks.push(...sections([escapeWords(tr.t('render.try', { commands: '\uE000' }), commands)]));
  }
  const links = (reply.links ?? []).map((link) =>
    link.url ? mrkdwnLink(link.label, link.url) : escapeMrkdwn(link.label),
  );
  if (links.length > 0)
    blocks.push(...packLines([escapeMrkdwn(tr.t('render.sources')), ...links]).map(context));
  if (reply.footer) blocks.push(...packLines([mrkdwn(reply.footer, prefix, lang)]).map(context));
  if (blocks.length === 0 && !reply.title) blocks.push(...sections([escapeMrkdwn(tr.t('ui.nothing'))]));
  return blocks;
}

/** Label and value side by side, ten to a section; a value too long for a field gets a section of its own. */
function fieldBlocks(reply: Reply, prefix: string, lang: Lang): Block[] {
  const blocks: Block[] = [];
  let row: string[] = [];
  const flush = () => {
    if (row.length > 0)
      blocks.push({ type: 'section', fields: row.map((text) => ({ type: 'mrkdwn', text })) });
    row = [];
  };
  for (const field of reply.fields ?? []) {
    const text = `*${escapeMrkdwn(field.label)}*\n${mrkdwn(field.value, prefix, lang)}`;
    if (text.length > SLACK_LIMITS.fieldText) {
      flush();
      blocks.push(...sections([text]));
      continue;
    }
    row.push(text);
    if (row.length === SLACK_LIMITS.fields) flush();
  }
  flush();
  return blocks;
}

function sections(lines: string[]): Block[] {
  return packLines(lines).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/** Lines joined into texts of at most one section's worth; a longer line is split on its own. */
function packLines(lines: string[], max: number = SLACK_LIMITS.sectionText): string[] {
  const texts: string[] = [];
  let current = '';
  // Splitting is for the rare line longer than a section; most answers have none.
  const fitting = lines.every((line) => line.length <= max)
    ? lines
    : lines.flatMap((l) => splitMrkdwn(l, max));
  for (const line of fitting) {
    if (current !== '' && current.length + 1 + line.length > max) {
      texts.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') texts.push(current);
  return texts;
}

/** Our words escaped, with already escaped mrkdwn put where the stand-in `\uE000` is. */
function escapeWords(words: string, inserted: string): string {
  return escapeMrkdwn(words).replace('\uE000', () => inserted);
}

/** A header when the title fits one; a longer title is shown whole in bold rather than cut. */
function titleBlock(title: string): Block {
  const escaped = escapeMrkdwn(title);
  if (escaped.length <= SLACK_LIMITS.headerText)
    return { type: 'header', text: { type: 'plain_text', text: escaped } };
  return sections([`*${escaped}*`])[0] as Block;
}

function titleBlockChars(title: string): number {
  return blockTextLength(titleBlock(title));
}

/** Room each page keeps for its "Page 2 of 3" line. */
const MARKER_CHARS = 40;

/** Fills pages in order: each takes blocks while both the block count and the text budget allow. */
function paginate(blocks: Block[], titleChars: number): Block[][] {
  const maxBlocks = PAGE_BUDGET.blocks - 2;
  const maxChars = PAGE_BUDGET.chars - titleChars - MARKER_CHARS;
  const pages: Block[][] = [];
  let page: Block[] = [];
  let chars = 0;
  for (const block of blocks) {
    const size = blockTextLength(block);
    if (page.length > 0 && (page.length + 1 > maxBlocks || chars + size > maxChars)) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(block);
    chars += size;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** Characters of text in a block, the measure Slack's message limit is about. */
function blockTextLength(block: Block): number {
  if (block.type === 'header') return block.text.text.length;
  if (block.type === 'context') {
    return block.elements.reduce((sum, element) => sum + ('text' in element ? element.text.length : 0), 0);
  }
  if (block.type !== 'section') return 0;
  const fields = block.fields ?? [];
  return (block.text?.text.length ?? 0) + fields.reduce((sum, field) => sum + field.text.length, 0);
}

/** The short plain summary notifications show: the title and the opening text, escaped. */
const SUMMARY_MAX = 300;

function fallbackText(reply: Reply, tr: Translator): string {
  const parts = [reply.title, reply.text ? plainSpans(reply.text, tr.lang) : undefined].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  const summary = stripControl(parts.join(': ')).replace(/\s+/g, ' ').trim() || tr.t('ui.summary');
  if (summary.length <= SUMMARY_MAX) return escapeMrkdwn(summary);
  // Cut by code points, so no emoji or rare character is split in half.
  return escapeMrkdwn(
    `${Array.from(summary)
      .slice(0, SUMMARY_MAX - 1)
      .join('')}…`,
  );
}
