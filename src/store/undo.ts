import { type AuditEntry, type RecordChange, undoneIndexes } from '../domain/audit.ts';
import { type RecordRef, recordIs, writeRecord } from './records.ts';
import type { EditBuilder } from './store.ts';

/**
 * Why the last change cannot be undone, as data the handler words in the reader's language: there
 * is none; it was recorded without its before and after; or a record it touched was changed since
 * (by `later`, when the history says who).
 */
export type UndoRefusal =
  | { refused: 'nothing' }
  | { refused: 'not-reversible'; entry: AuditEntry }
  | { refused: 'changed-since'; entry: AuditEntry; change: RecordChange; later?: AuditEntry };

export type UndoResult = { undone: AuditEntry } | UndoRefusal;

/**
 * Reverts the actor's own last change that is not yet undone: each record it touched goes back to
 * how it was. Refused when someone has changed one of those records since, so no later change is
 * lost silently.
 */
export const undoLastChange: EditBuilder<UndoResult> = (draft, { actor }) => {
  const found = lastChangeBy(draft.audit, actor);
  if (found === undefined) return { unchanged: true, result: { refused: 'nothing' } };
  const { entry, index } = found;
  if (entry.changes === undefined || entry.changes.length === 0)
    return { unchanged: true, result: { refused: 'not-reversible', entry } };
  for (const change of entry.changes) {
    if (!recordIs(draft, change, change.after)) {
      const later = laterChangeTo(draft.audit, index, change);
      return {
        unchanged: true,
        result: { refused: 'changed-since', entry, change, ...(later && { later }) },
      };
    }
  }
  const what = entry.summary ?? entry.action;
  for (const change of [...entry.changes].reverse()) writeRecord(draft, change, change.before);
  return {
    action: 'undo',
    summary: `Undid: ${what}`,
    change: { key: 'undid', values: {} },
    ...(entry.target !== undefined && { target: entry.target }),
    touched: entry.changes,
    undoes: index,
    result: { undone: entry },
  };
};

function lastChangeBy(
  audit: readonly AuditEntry[],
  actor: string,
): { entry: AuditEntry; index: number } | undefined {
  const undone = undoneIndexes(audit);
  for (let index = audit.length - 1; index >= 0; index -= 1) {
    const entry = audit[index];
    if (entry === undefined || entry.actor !== actor || entry.undoes !== undefined || undone.has(index))
      continue;
    return { entry, index };
  }
  return undefined;
}

function laterChangeTo(audit: readonly AuditEntry[], after: number, ref: RecordRef): AuditEntry | undefined {
  return audit
    .slice(after + 1)
    .findLast((e) => e.changes?.some((c) => c.record === ref.record && c.id === ref.id));
}
