import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { Lang } from '../../i18n/languages.ts';
import { translator } from '../../i18n/translator.ts';

const PREFIX = 'twin:page:';
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
}

export class PageStore {
  private readonly answers = new Map<string, KeptAnswer & { chars: number }>();
  private chars = 0;

  constructor(private readonly maxChars = DEFAULT_MAX_CHARS) {}

  put(key: string, pages: APIEmbed[], rows: ActionRow[] = [], lang?: Lang): void {
    const chars = JSON.stringify(pages).length;
    this.forget(key);
    this.answers.set(key, { pages, rows, chars, ...(lang && { lang }) });
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

/** One page, the buttons to the neighbouring pages when there are several, then the answer's own rows. */
export function pageMessage(
  pages: readonly APIEmbed[],
  key: string,
  index: number,
  rows: readonly ActionRow[] = [],
  lang: Lang = 'en',
): { embeds: APIEmbed[]; components: ActionRow[] } {
  const { t } = translator(lang);
  const at = Math.min(Math.max(index, 0), pages.length - 1);
  const page = pages[at];
  if (!page) throw new Error('an answer has at least one page');
  if (pages.length === 1) return { embeds: [page], components: [...rows] };
  const button = (label: string, target: number): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: pageButtonId(key, target),
    disabled: target < 0 || target >= pages.length,
  });
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
