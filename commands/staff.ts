import { actorId, editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { answer, problem } from '../src/core/reply.ts';
import { tSpans } from '../src/i18n/spans.ts';
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
  handler: async ({ store, caller, catalog, tr }, { action, who }) => {
    if (action === 'list' && who !== undefined)
      return problem(tSpans(tr, 'edit.staff.listTakesNothing', { command: { command: 'staff list' } }), {
        field: 'who',
      });
    if (action === 'list') {
      const list = catalog.data.settings.staff;
      return answer({
        title: tr.t('edit.staff.title'),
        text: tr.t('edit.staff.entries', { count: list.length }),
        sections: [
          {
            rows: list.map((id) => ({
              text: id,
              ...(id === actorId(caller) && { detail: tr.t('edit.staff.you') }),
            })),
          },
        ],
        ephemeral: true,
      });
    }
    if (who === undefined)
      return problem(
        tSpans(tr, 'edit.staff.sayWho', {
          person: { command: `staff ${action} @name` },
          role: { command: `staff ${action} discord:role:456` },
        }),
        { field: 'who' },
      );
    const outcome = await store.edit(editorOf(caller), changeStaff(action, who, { keepOne: true }));
    switch (outcome) {
      case 'added':
        return answer({ text: tr.t('edit.staff.added', { who }) });
      case 'removed':
        return answer({ text: tr.t('edit.staff.removed', { who }) });
      case 'already-there':
        return problem(tr.t('edit.staff.alreadyThere', { who }));
      case 'not-there':
        return problem(tSpans(tr, 'edit.staff.notThere', { who, command: { command: 'staff list' } }));
      case 'last-one':
        return problem(tr.t('edit.staff.lastOne', { who }));
    }
  },
});
