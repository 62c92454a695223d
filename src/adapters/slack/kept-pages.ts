import { randomUUID } from 'node:crypto';
import type { SlackMessage } from './pages.ts';

/** About 40 MB of rendered pages at most; the oldest answers are forgotten first. */
const DEFAULT_MAX_CHARS = 20_000_000;

/**
 * The pages of long answers that no button may ask for again (staff commands, refusals, a form's
 * outcome), kept in memory for their More button. Slack lets an app use a response_url five times,
 * so a private answer of eight pages cannot be sent at once; each More press brings a response_url of
 * its own. The key is random, so only someone shown the button can ask for the pages. Bounded by
 * size: after a restart, or many long answers later, a press says the pages are gone.
 */
export class KeptPages {
  private readonly answers = new Map<string, { pages: readonly SlackMessage[]; chars: number }>();
  private chars = 0;

  constructor(private readonly maxChars = DEFAULT_MAX_CHARS) {}

  keep(pages: readonly SlackMessage[]): string {
    const key = randomUUID();
    const chars = JSON.stringify(pages).length;
    this.answers.set(key, { pages, chars });
    this.chars += chars;
    for (const [oldest, entry] of this.answers) {
      if (this.chars <= this.maxChars || oldest === key) break;
      this.answers.delete(oldest);
      this.chars -= entry.chars;
    }
    return key;
  }

  get(key: string): readonly SlackMessage[] | undefined {
    return this.answers.get(key)?.pages;
  }
}
