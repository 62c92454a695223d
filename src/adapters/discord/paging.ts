import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { Paging } from '../../core/reply.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translator } from '../../i18n/translator.ts';

const PREFIX = 'twin:page:';
/** A button that runs the command for the neighbouring page of an answer made a page at a time. */
const TURN_PREFIX = 'twin:turn:';
/** Discord's limit on a custom_id. */
const CUSTOM_ID_MAX = 100;
/** About 40 MB of rendered pages at most; the oldest answers are forgotten first. */
const DEFAULT_MAX_CHARS = 20_000_000;

/**
 * Rendered pages of long answers, kept in memory for their "Previous"/"Next" buttons. Keeping the
 * pages (rather than encoding the question into the button's 100-character custom_id and running it
 * again) fits any question, shows the answer as it was asked, and never runs a staff command twice.
 * Bounded by size: after a restart, or many long answers later, a click says the pages are gone.
 */
type ActionRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** A long answer's pages, and the rows of buttons (suggestions, Confirm) shown under every page. */
export interface KeptAnswer {
  pages: APIEmbed[];
  rows: ActionRow[];
  /** The language of the answer's words, for the labels of its page buttons. */
  lang?: Lang;
  /** The commands for the pages before and after, when the answer is made a page at a time. */
  paging?: Paging;
}

export class PageStore {
  private readonly answers = new Map<string, KeptAnswer & { chars: number }>();
  private chars = 0;

  constructor(private readonly maxChars = DEFAULT_MAX_CHARS) {}

  put(key: string, pages: APIEmbed[], rows: ActionRow[] = [], lang?: Lang, paging?: Paging): void {
    const chars = JSON.stringify(pages).length;
    this.forget(key);
    this.answers.set(key, { pages, rows, chars, ...(lang && { lang }), ...(paging && { paging }) });
    this.chars += chars;
    for (const [oldest, entry] of this.answers) {
      if (this.chars <= this.maxChars || oldest === key) break;
      this.answers.delete(oldest);
      this.chars -= entry.chars;
    }
  }

  get(key: string): KeptAnswer | undefined {
    return this.answers.get(key);
  }

  private forget(key: string): void {
    const entry = this.answers.get(key);
    if (!entry) return;
    this.answers.delete(key);
    this.chars -= entry.chars;
  }
}

/** `twin:page:<answer key>:<page index>`: well under Discord's 100 characters for a snowflake key. */
export function pageButtonId(key: string, index: number): string {
  return `${PREFIX}${key}:${index}`;
}

export function parsePageButtonId(customId: string): { key: string; index: number } | undefined {
  const match = /^twin:page:(\d{1,25}):(\d{1,6})$/.exec(customId);
  return match ? { key: match[1] as string, index: Number(match[2]) } : undefined;
}

/** `twin:turn:<command>`: the command itself, so nothing needs to be kept; none when it does not fit. */
function turnButtonId(command: string | undefined): string | undefined {
  const id = `${TURN_PREFIX}${command}`;
  return command !== undefined && id.length <= CUSTOM_ID_MAX ? id : undefined;
}

/** The command a "Previous"/"Next" button of an answer made a page at a time runs, if it is one. */
export function parseTurnButtonId(customId: string): string | undefined {
  return customId.startsWith(TURN_PREFIX) ? customId.slice(TURN_PREFIX.length) : undefined;
}

/**
 * One page, the buttons to the neighbouring pages when there are several, then the answer's own rows.
 * Past its first or last rendered page, an answer made a page at a time turns to the command for its
 * previous or next page.
 */
export function pageMessage(
  pages: readonly APIEmbed[],
  key: string,
  index: number,
  rows: readonly ActionRow[] = [],
  lang: Lang = 'en',
  paging: Paging = {},
): { embeds: APIEmbed[]; components: ActionRow[] } {
  const { t } = translator(lang);
  const at = Math.min(Math.max(index, 0), pages.length - 1);
  const page = pages[at];
  if (!page) throw new Error('an answer has at least one page');
  const before = turnButtonId(paging.previous);
  const after = turnButtonId(paging.next);
  if (pages.length === 1 && before === undefined && after === undefined)
    return { embeds: [page], components: [...rows] };
  const button = (label: string, target: number): APIButtonComponentWithCustomId => {
    const turn = target < 0 ? before : target >= pages.length ? after : pageButtonId(key, target);
    return {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label,
      // Two buttons of a message may not share an id: a disabled one gets its page's own.
      custom_id: turn ?? pageButtonId(key, Math.min(Math.max(target, 0), pages.length - 1)),
      disabled: turn === undefined,
    };
  };
  return {
    embeds: [page],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [button(t('ui.previous'), at - 1), button(t('ui.next'), at + 1)],
      },
      ...rows,
    ],
  };
}
