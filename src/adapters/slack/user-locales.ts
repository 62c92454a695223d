import type { webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../core/logger.ts';
import { type Lang, langOfTag } from '../../i18n/languages.ts';
import { describeError } from './log.ts';

/** People remembered at once: more than an office's workspace has, so only strangers are looked up again. */
const MAX_PEOPLE = 5_000;
/** A person's language is asked for again after this, so a change in their Slack settings is seen. */
const KNOWN_FOR_MS = 6 * 60 * 60 * 1000;
/** A failed look-up is not repeated for this long: a Slack outage must not add a call to every message. */
const FAILED_FOR_MS = 5 * 60 * 1000;

/** What is remembered: the language, or that the person's locale is none of ours (or could not be had). */
type Known = Lang | 'none';

/**
 * Each person's language as Slack states it (`users.info` with `include_locale`, scope `users:read`),
 * remembered per workspace and person for hours in a bounded cache: one call per person, not one per
 * message; simultaneous questions share one call. A failed call answers nothing and is logged at debug:
 * the answer then follows the workspace's language.
 */
export class SlackUserLocales {
  private readonly known = new LRUCache<string, Known>({ max: MAX_PEOPLE, ttl: KNOWN_FOR_MS });
  private readonly asking = new Map<string, Promise<Lang | undefined>>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: Logger,
  ) {}

  of(teamId: string | undefined, userId: string): Promise<Lang | undefined> {
    const key = `${teamId ?? ''}:${userId}`;
    const known = this.known.get(key);
    if (known !== undefined) return Promise.resolve(known === 'none' ? undefined : known);
    let asking = this.asking.get(key);
    if (!asking) {
      asking = this.ask(key, userId).finally(() => this.asking.delete(key));
      this.asking.set(key, asking);
    }
    return asking;
  }

  private async ask(key: string, userId: string): Promise<Lang | undefined> {
    try {
      const info = await this.client.users.info({ user: userId, include_locale: true });
      const lang = langOfTag(info.user?.locale);
      this.known.set(key, lang ?? 'none');
      return lang;
    } catch (error) {
      this.log.debug(
        `slack: users.info for ${userId} failed, answering in the workspace's language: ${describeError(error)}`,
      );
      this.known.set(key, 'none', { ttl: FAILED_FOR_MS });
      return undefined;
    }
  }
}
