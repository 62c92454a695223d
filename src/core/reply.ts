import type { FuzzyDate } from '../domain/fuzzy-date.ts';
import type { Lang } from '../i18n/languages.ts';
import type { Figure } from './figure.ts';

/**
 * A piece of text: our own words or stored text as a string, a date kept as a value so each platform
 * can show it natively, or a command the reader can type.
 */
export type Span = string | { date: FuzzyDate } | { command: string };
export type RichText = string | readonly Span[];

export interface Field {
  label: string;
  value: RichText;
}

export interface Row {
  text: RichText;
  detail?: RichText;
}

export interface Section {
  heading?: string;
  rows: Row[];
}

export interface Link {
  label: string;
  url?: string;
}

/** A platform-neutral answer; renderers turn it into plain text, Block Kit or embeds. */
export interface Reply {
  /** `error` replies describe something the user can fix. */
  kind: 'answer' | 'error';
  title?: string;
  text?: RichText;
  fields?: Field[];
  sections?: Section[];
  links?: Link[];
  footer?: RichText;
  /** Commands that would answer what the user probably meant. */
  suggestions?: string[];
  /** Only the asker sees it (where the platform can do that). */
  ephemeral: boolean;
  /** The argument an error is about, so a form can show it beside that field. */
  field?: string;
  /** A destructive change waits for the asker to confirm it (a button, or the command again with `--yes`). */
  confirm?: Confirmation;
  /** The language its words are in, so its dates read the same; English when absent. */
  lang?: Lang;
  /** A picture the answer also shows (a map, a timeline, a chart); the text answer stands on its own beside it. */
  figure?: Figure;
  /** One page of an answer too long to make at once: the commands that show its neighbours (see Paging). */
  paging?: Paging;
}

/**
 * An answer too long to make at once (a year's anniversaries at 50,000 partnerships) is made a page
 * at a time; each page names the commands for the pages around it, in its text for any surface, and
 * here for the surfaces that put them on buttons. Every page is a command anyone can type again.
 */
export interface Paging {
  previous?: string;
  next?: string;
}

export interface Confirmation {
  /** Names the pending change for the Confirm button (see Confirmations). */
  token: string;
  /** The same command with `--yes`, for where there are no buttons. */
  command: string;
}

export function answer(parts: Omit<Reply, 'kind' | 'ephemeral'> & { ephemeral?: boolean }): Reply {
  return { kind: 'answer', ephemeral: false, ...parts };
}

export function problem(text: RichText, extra: Omit<Reply, 'kind' | 'ephemeral' | 'text'> = {}): Reply {
  return { kind: 'error', ephemeral: true, text, ...extra };
}
