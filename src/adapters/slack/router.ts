import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
export type FormArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
export type ConversationArgs = SlackEventMiddlewareArgs<'app_mention' | 'message'> & AllMiddlewareArgs;

export type Handler<Args> = (args: Args) => Promise<void>;

/**
 * Routes each request to the one handler for its slash command, button action id, form callback id
 * or event type, from a single Bolt middleware. Bolt runs every listener's middleware chain on every
 * request (copying it and spreading the arguments for each step), so with a listener per kind each
 * question paid for all the others: a slash command cost about a quarter more. Anything not routed
 * here goes on to Bolt as before.
 */
export class Router {
  private readonly commands = new Map<string, Handler<CommandArgs>>();
  private readonly buttons = new Map<string, Handler<ButtonArgs>>();
  private readonly forms = new Map<string, Handler<FormArgs>>();
  private readonly events = new Map<string, Handler<ConversationArgs>>();

  constructor(app: App) {
    app.use((args) => this.route(args));
  }

  command(name: string, handle: Handler<CommandArgs>): void {
    this.commands.set(name, handle);
  }

  /** `actionId` also routes the numbered ids of several buttons of one kind (`twin_run:0`, `twin_run:1`). */
  button(actionId: string, handle: Handler<ButtonArgs>): void {
    this.buttons.set(actionId, handle);
  }

  form(callbackId: string, handle: Handler<FormArgs>): void {
    this.forms.set(callbackId, handle);
  }

  event(type: 'app_mention' | 'message', handle: Handler<ConversationArgs>): void {
    this.events.set(type, handle);
  }

  private route(args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    if ('command' in args) {
      const handle = this.commands.get(args.command.command);
      if (handle) return handle(args);
    } else if ('action' in args) {
      const { action } = args;
      const handle =
        'action_id' in action && action.type === 'button'
          ? this.buttons.get(buttonKind(action.action_id))
          : undefined;
      if (handle) return handle(args as ButtonArgs);
    } else if ('view' in args) {
      const handle = args.body.type === 'view_submission' ? this.forms.get(args.view.callback_id) : undefined;
      if (handle) return handle(args as FormArgs);
    } else if ('event' in args) {
      const handle = this.events.get(args.event.type);
      if (handle) return handle(args as ConversationArgs);
    }
    return args.next();
  }
}

/** The kind of button an action id names: the part before a colon, which numbers buttons of one kind. */
function buttonKind(actionId: string): string {
  const colon = actionId.indexOf(':');
  return colon === -1 ? actionId : actionId.slice(0, colon);
}
