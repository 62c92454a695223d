import type { APIEmbed, MessageMentionOptions } from 'discord.js';
import type { Dispatcher } from '../../core/dispatcher.ts';
import type { Logger } from '../../core/logger.ts';
import type { Reply } from '../../core/reply.ts';
import type { DrawPicture } from '../picture.ts';
import type { PageStore } from './paging.ts';

/** What every Discord handler shares: the dispatcher, the log, kept pages and the renderer. */
export interface DiscordContext {
  dispatcher: Dispatcher;
  log: Logger;
  pages: PageStore;
  render: (reply: Reply) => APIEmbed[];
  /** An answer slower than this is deferred first, so Discord's 3 s deadline is always met. */
  deferAfterMs: number;
  /** Draws an answer's map, timeline or chart, sent as an attachment beside its embed. */
  draw: DrawPicture;
}

/** Sent on every message: stored text can never ping anyone, not even the person who asked. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };
