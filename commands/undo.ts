import { actorId, editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { answer, problem } from '../src/core/reply.ts';
import { undoLastChange } from '../src/store/undo.ts';

export const undo = defineCommand({
  name: 'undo',
  summary: 'Take back your own last change (again to go further back)',
  args: [],
  examples: ['undo'],
  permission: 'staff',
  handler: async ({ store, caller }) => {
    const outcome = await store.edit(editorOf(caller), undoLastChange(actorId(caller)));
    if ('refused' in outcome) return problem(outcome.refused);
    return answer({ text: `Undone: ${outcome.undone.summary ?? outcome.undone.action}.` });
  },
});
