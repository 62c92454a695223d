import { actorId, editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { answer, problem } from '../src/core/reply.ts';
import { changeStaff } from '../src/store/edits/staff.ts';

export const staff = defineCommand({
  name: 'staff',
  args: [
    {
      name: 'action',
      kind: 'choice',
      choices: ['add', 'remove', 'list'],
      required: true,
    },
    { name: 'who', kind: 'staff-id', required: false },
  ],
  examples: ['staff list', 'staff add @ana', 'staff remove slack:U0123ABCD'],
  permission: 'staff',
  handler: async ({ store, caller, catalog }, { action, who }) => {
    if (action === 'list' && who !== undefined)
      return problem('`staff list` takes nothing after it.', { field: 'who' });
    if (action === 'list') {
      const list = catalog.data.settings.staff;
      return answer({
        title: 'Office staff',
        text: `${list.length} ${list.length === 1 ? 'entry' : 'entries'}. Staff can change records and settings.`,
        sections: [
          { rows: list.map((id) => ({ text: id, ...(id === actorId(caller) && { detail: 'you' }) })) },
        ],
        ephemeral: true,
      });
    }
    if (who === undefined)
      return problem(`Say who, e.g. \`staff ${action} @name\` or \`staff ${action} discord:role:456\`.`, {
        field: 'who',
      });
    const outcome = await store.edit(editorOf(caller), changeStaff(action, who, { keepOne: true }));
    switch (outcome) {
      case 'added':
        return answer({ text: `${who} is now on the staff list.` });
      case 'removed':
        return answer({ text: `${who} is no longer on the staff list.` });
      case 'already-there':
        return problem(`${who} is already on the staff list.`);
      case 'not-there':
        return problem(`${who} is not on the staff list. See it with \`staff list\`.`);
      case 'last-one':
        return problem(
          `${who} is the last staff entry, and an office needs at least one. Add someone else first.`,
        );
    }
  },
});
