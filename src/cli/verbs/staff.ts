import { editorOf } from '../../core/caller.ts';
import { StaffIdSchema } from '../../domain/settings.ts';
import { changeStaff } from '../../store/edits/staff.ts';
import type { Store } from '../../store/store.ts';
import { cliCaller } from '../cli-caller.ts';
import { type CliArgs, EXIT, UsageError } from '../options.ts';
import { withStore } from '../store-access.ts';

/** `twinbot staff add|remove|list`: the first staff member is added here, before any chat. */
export async function staff({ values, rest }: CliArgs): Promise<number> {
  return withStore(values.data, { write: rest[0] !== 'list' }, (store) => runStaff(store, rest));
}

async function runStaff(store: Store, args: string[]): Promise<number> {
  const [action, id, ...extra] = args;
  if (action === 'list' && id === undefined) {
    const list = store.catalog.data.settings.staff;
    process.stdout.write(list.length === 0 ? 'No staff yet.\n' : `${list.join('\n')}\n`);
    return EXIT.ok;
  }
  if ((action !== 'add' && action !== 'remove') || id === undefined || extra.length > 0) {
    throw new UsageError(
      'staff add|remove <slack:U123 | discord:user:123 | discord:role:456>, or staff list',
    );
  }
  const parsed = StaffIdSchema.safeParse(id);
  if (!parsed.success) throw new UsageError(`"${id}" is not a staff id: use ${StaffIdSchema.description}`);
  const changed = await store.edit(
    editorOf(cliCaller()),
    changeStaff(action, parsed.data, { keepOne: false }),
  );
  const verbDone = action === 'add' ? 'added to' : 'removed from';
  process.stdout.write(
    changed === 'added' || changed === 'removed'
      ? `${parsed.data} ${verbDone} the staff list.\n`
      : `${parsed.data} was already ${action === 'add' ? 'on' : 'off'} the staff list.\n`,
  );
  return EXIT.ok;
}
