import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { Caller } from '../../core/caller.ts';
import type { Dispatcher } from '../../core/dispatcher.ts';
import type { AfterAck } from './work.ts';

/** What every listener needs: the one dispatcher, and the tracker for work done after `ack()`. */
export interface ListenerDeps {
  dispatcher: Dispatcher;
  afterAck: AfterAck;
}

/** The asker, and where they asked as a reminder target id (`slack:<team>:<channel>`), when known. */
export function slackCaller(
  userId: string,
  teamId: string | undefined,
  channelId: string | undefined,
): Caller {
  return {
    platform: 'slack',
    userId,
    ...(teamId !== undefined && channelId !== undefined && { channel: `slack:${teamId}:${channelId}` }),
  };
}

/** Whoever pressed a button, where they pressed it. */
export function presserOf(body: BlockAction): Caller {
  return slackCaller(body.user.id, body.team?.id ?? body.user.team_id, body.channel?.id);
}

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
/** Registers what a press of the button with this action id does. */
export type OnButton = (actionId: string, handle: (args: ButtonArgs) => Promise<void>) => void;

/**
 * One Bolt listener for all our buttons, choosing the handler by action id. Bolt runs every listener's
 * matching on every request, slash commands included, so each extra listener costs every question.
 */
export function buttonListener(app: App): OnButton {
  const handlers = new Map<string, (args: ButtonArgs) => Promise<void>>();
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions' }, async (args) => {
    await handlers.get(args.action.action_id)?.(args);
  });
  return (actionId, handle) => handlers.set(actionId, handle);
}
