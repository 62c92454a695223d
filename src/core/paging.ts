import { tSpans } from '../i18n/spans.ts';
import type { Translator } from '../i18n/translator.ts';
import { type Paging, problem, type Reply, type Span } from './reply.ts';

/** Rows on one page: one page of the answer fits one Slack message and one Discord embed. */
export const PAGE_ROWS = 20;

/** Where a page starts among the rows, and how many pages the rows make (one at least, even empty). */
export interface PageSpan {
  page: number;
  pages: number;
  /** The index of the page's first row. */
  start: number;
}

/** Page `page` (from 1) of `count` rows; `page` may lie past the last page (see `beyondLastPage`). */
export function pageSpan(count: number, page: number): PageSpan {
  return { page, pages: Math.max(1, Math.ceil(count / PAGE_ROWS)), start: (page - 1) * PAGE_ROWS };
}

/** "There is no page 9: this answer ends at page 3.", offering the last page; undefined for a page that exists. */
export function beyondLastPage(
  span: PageSpan,
  pageCommand: (page: number) => string,
  tr: Translator,
): Reply | undefined {
  if (span.page <= span.pages) return undefined;
  return problem(tr.t('pages.beyond', { page: span.page, pages: span.pages }), {
    suggestions: [pageCommand(span.pages)],
  });
}

/** The commands for the pages around this one, for the surfaces that put them on buttons. */
export function pagingOf(span: PageSpan, pageCommand: (page: number) => string): Paging {
  return {
    ...(span.page > 1 && { previous: pageCommand(span.page - 1) }),
    ...(span.page < span.pages && { next: pageCommand(span.page + 1) }),
  };
}

/** "5,015 recorded, shown here 21 to 40 (page 2 of 251).": `total` names the count of the whole answer. */
export function positionText(total: string, span: PageSpan, shown: number, tr: Translator): string {
  return tr.t('pages.position', {
    total,
    page: span.page,
    pages: span.pages,
    first: span.start + 1,
    last: span.start + shown,
  });
}

/** "Previous page: `…` · Next page: `…` ", before the footer's own sentence. */
export function pagingSpans(paging: Paging, tr: Translator): Span[] {
  const parts = [
    ...(paging.previous ? [tSpans(tr, 'pages.previous', { command: { command: paging.previous } })] : []),
    ...(paging.next ? [tSpans(tr, 'pages.next', { command: { command: paging.next } })] : []),
  ];
  return parts.length === 0
    ? []
    : [...parts.flatMap((spans, i) => (i === 0 ? spans : [' · ', ...spans])), ' · '];
}

/**
 * A typed page number (`page 2`), or the message that says how pages count. The example is the
 * command's own (`partners Prague page 2`), so the reader sees where the words go.
 */
export function readPage(
  text: string,
  example: string,
  tr: Translator,
): { ok: true; page: number } | { ok: false; message: string } {
  if (!/^\d{1,6}$/.test(text)) return { ok: false, message: tr.t('pages.notNumber', { text, example }) };
  const page = Number(text);
  return page < 1 ? { ok: false, message: tr.t('pages.fromOne', { example }) } : { ok: true, page };
}
