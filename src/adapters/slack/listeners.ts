import type { BlockAction, webApi } from '@slack/bolt';
import type { Caller } from '../../core/caller.ts';
import type { Dispatcher } from '../../core/dispatcher.ts';
import type { Logger } from '../../core/logger.ts';
import type { DrawPicture } from '../picture.ts';
import type { KeptPages } from './kept-pages.ts';
import { slackPostCheck } from './post-check.ts';
import type { SlackUserLocales } from './user-locales.ts';
import type { AfterAck } from './work.ts';

/**
 * What every listener needs: the one dispatcher, the queue for work done after `ack()`, and the kept
 * pages of long answers that cannot be asked for again.
 */
export interface ListenerDeps {
  dispatcher: Dispatcher;
  afterAck: AfterAck;
  kept: KeptPages;
  /** Draws answers' maps, timelines and charts, which are uploaded and shown in the answer. */
  draw: DrawPicture;
  log: Logger;
  /** People's languages as Slack states them; without it, everyone is answered in the workspace's. */
  locales?: SlackUserLocales;
}

/**
 * The asker, and where they asked as a reminder target id (`slack:<team>:<channel>`), when known.
 * With the Web API client, the dispatcher can also ask whether the bot can post there; with the
 * locales, it can learn the asker's language.
 */
export function slackCaller(
  userId: string,
  teamId: string | undefined,
  channelId: string | undefined,
  client?: webApi.WebClient,
  locales?: SlackUserLocales,
): Caller {
  return {
    platform: 'slack',
    userId,
    ...(teamId !== undefined && { workspace: `slack:${teamId}` as const }),
    ...(locales && { lookUpLang: () => locales.of(teamId, userId) }),
    ...(teamId !== undefined && channelId !== undefined && { channel: `slack:${teamId}:${channelId}` }),
    ...(client !== undefined &&
      channelId !== undefined && { canPostHere: () => slackPostCheck(client, channelId) }),
  };
}

/** Whoever pressed a button, where they pressed it. */
export function presserOf(body: BlockAction, locales?: SlackUserLocales): Caller {
  return slackCaller(body.user.id, body.team?.id ?? body.user.team_id, body.channel?.id, undefined, locales);
}
