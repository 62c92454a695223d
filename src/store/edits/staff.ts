import type { StaffId } from '../../domain/settings.ts';
import type { EditBuilder } from '../store.ts';

export type StaffChange = 'added' | 'removed' | 'already-there' | 'not-there' | 'last-one';

/**
 * Adds or removes a staff entry. From chat the last entry cannot be removed, so an office never
 * locks itself out; the CLI, run by whoever owns the store file, may.
 */
export function changeStaff(
  action: 'add' | 'remove',
  id: StaffId,
  options: { keepOne: boolean },
): EditBuilder<StaffChange> {
  return (draft) => {
    const staff = draft.settings.staff;
    const present = staff.includes(id);
    if (action === 'add') {
      if (present) return { unchanged: true, result: 'already-there' };
      draft.settings.staff = [...staff, id];
    } else {
      if (!present) return { unchanged: true, result: 'not-there' };
      if (options.keepOne && staff.length === 1) return { unchanged: true, result: 'last-one' };
      draft.settings.staff = staff.filter((s) => s !== id);
    }
    return {
      action: `staff ${action}`,
      summary: `${action === 'add' ? 'Added' : 'Removed'} ${id} ${action === 'add' ? 'to' : 'from'} the staff list`,
      change: { key: 'staff', values: { who: id, added: action === 'add' } },
      target: id,
      touched: [{ record: 'setting', id: 'staff' }],
      result: action === 'add' ? 'added' : 'removed',
    };
  };
}
