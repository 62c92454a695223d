import type { Caller } from '../../core/caller.ts';
import type { Reply } from '../../core/reply.ts';
import { onPress } from './buttons.ts';
import { type ListenerDeps, presserOf } from './listeners.ts';
import { ACTION_IDS, answerOnce, messageFor } from './pages.ts';
import type { Router } from './router.ts';

/**
 * Confirm and Cancel under a destructive change. Unlike Run, these exist for staff commands: the
 * dispatcher checks again that the presser is staff and is the person who asked.
 */
export function listenForConfirmations(router: Router, deps: ListenerDeps): void {
  onDecision(router, ACTION_IDS.confirm, 'Confirm', deps, (token, caller) =>
    deps.dispatcher.confirm(token, caller),
  );
  onDecision(router, ACTION_IDS.cancel, 'Cancel', deps, async (token, caller) =>
    deps.dispatcher.cancel(token, caller),
  );
}

function onDecision(
  router: Router,
  actionId: string,
  label: string,
  { afterAck, kept, locales }: ListenerDeps,
  decide: (token: string, caller: Caller) => Promise<Reply>,
): void {
  onPress(router, actionId, label, afterAck, async ({ body, action, respond }) => {
    const reply = await decide(action.value ?? '', presserOf(body, locales));
    const message = messageFor(answerOnce(reply), 0, 'ephemeral', kept);
    // The outcome takes the question's place, so its buttons are gone. A refusal (someone else
    // pressed, or a double click found the token spent) goes to the presser as a new message,
    // so the buttons or a result already shown are never overwritten.
    const replace = reply.kind === 'answer';
    await respond({ response_type: 'ephemeral', replace_original: replace, ...message });
  });
}
