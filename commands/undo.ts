import { editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { answer, problem } from '../src/core/reply.ts';
import { InvalidChangeError } from '../src/store/errors.ts';
import { type UndoResult, undoLastChange } from '../src/store/undo.ts';

export const undo = defineCommand({
  name: 'undo',
  args: [],
  examples: ['undo'],
  permission: 'staff',
  handler: async ({ store, caller }) => {
    let outcome: UndoResult;
    try {
      outcome = await store.edit(editorOf(caller), undoLastChange);
    } catch (error) {
      if (!(error instanceof InvalidChangeError)) throw error;
      return problem(
        `Your last change cannot be undone: later changes depend on it (${error.detail}). Undo or change those first.`,
      );
    }
    if ('refused' in outcome) return problem(outcome.refused);
    return answer({ text: `Undone: ${outcome.undone.summary ?? outcome.undone.action}.` });
  },
});
