import { isDeepStrictEqual } from 'node:util';
import { editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { describeAct, withDate } from '../src/core/describe.ts';
import { describeChange } from '../src/core/describe-change.ts';
import { answer, problem, type Span } from '../src/core/reply.ts';
import type { AuditEntry, RecordChange } from '../src/domain/audit.ts';
import { type City, CitySchema } from '../src/domain/city.ts';
import { PartnershipSchema } from '../src/domain/partnership.ts';
import { cityName } from '../src/i18n/city-name.ts';
import { tSpans } from '../src/i18n/spans.ts';
import type { Translator } from '../src/i18n/translator.ts';
import type { Catalog } from '../src/store/catalog.ts';
import { InvalidChangeError } from '../src/store/errors.ts';
import { type UndoRefusal, type UndoResult, undoLastChange } from '../src/store/undo.ts';

export const undo = defineCommand({
  name: 'undo',
  args: [],
  examples: ['undo'],
  permission: 'staff',
  handler: async ({ store, caller, catalog, tr }) => {
    let outcome: UndoResult;
    try {
      outcome = await store.edit(editorOf(caller), undoLastChange);
    } catch (error) {
      if (!(error instanceof InvalidChangeError)) throw error;
      return problem(tr.t('edit.undo.dependent', { detail: error.detail }));
    }
    if ('refused' in outcome) return problem(refusal(outcome, catalog, tr));
    return answer({
      text: tSpans(tr, 'edit.undo.done', { what: describeUndone(outcome.undone, catalog, tr) }),
    });
  },
});

function refusal(outcome: UndoRefusal, catalog: Catalog, tr: Translator): Span[] {
  switch (outcome.refused) {
    case 'nothing':
      return [tr.t('edit.undo.nothing')];
    case 'not-reversible':
      return tSpans(tr, 'edit.undo.notReversible', { what: describeUndone(outcome.entry, catalog, tr) });
    case 'changed-since': {
      const what = describeUndone(outcome.entry, catalog, tr);
      const record = tr.t(`edit.undo.record.${outcome.change.record}`, { id: outcome.change.id });
      const { later } = outcome;
      return later
        ? tSpans(tr, 'edit.undo.changedSinceBy', {
            what,
            record,
            actor: later.actor,
            later: describeUndone(later, catalog, tr),
          })
        : tSpans(tr, 'edit.undo.changedSince', { what, record });
    }
  }
}

/**
 * A change of the history in the reader's words. The history keeps each change's summary in English,
 * the office's record language: an English reader reads it as written; any other reader gets the
 * change named from what it did to the records it touched, so no English is left in the reply.
 */
function describeUndone(entry: AuditEntry, catalog: Catalog, tr: Translator): Span[] {
  if (tr.lang === 'en') return [entry.summary ?? entry.action];
  const changes = entry.changes ?? [];
  const city = () => cityIn(entry.target, changes, catalog, tr);
  switch (entry.action) {
    case 'add':
    case 'remove':
      return [tr.t(`edit.undo.what.${entry.action}`, { names: pairNames(entry, catalog, tr) })];
    case 'record': {
      const added = addedMilestone(changes);
      return added
        ? tSpans(tr, 'edit.undo.what.record', {
            names: pairNames(entry, catalog, tr),
            act: withDate(describeAct(added, catalog, tr), added, tr),
          })
        : [tr.t('edit.undo.what.recordSome', { names: pairNames(entry, catalog, tr) })];
    }
    case 'alias': {
      const name = addedName(changes);
      return name === undefined
        ? [tr.t('edit.undo.what.aliasSome', { city: city() })]
        : [tr.t('edit.undo.what.alias', { name, city: city() })];
    }
    case 'city set':
      return [tr.t('edit.undo.what.citySet', { city: city() })];
    case 'home':
      return [tr.t('edit.undo.what.home', { city: city() })];
    case 'world':
      return [tr.t(changes[0]?.after === true ? 'edit.undo.what.worldOn' : 'edit.undo.what.worldOff')];
    case 'staff add':
    case 'staff remove':
      return [
        tr.t(entry.action === 'staff add' ? 'edit.undo.what.staffAdd' : 'edit.undo.what.staffRemove', {
          who: entry.target ?? '',
        }),
      ];
    default:
      // Changes without a description of their own (reminders, language) are worded from what was recorded.
      return entry.change && entry.change.key !== 'undid'
        ? describeChange(entry.change, catalog, tr)
        : tSpans(tr, 'edit.undo.what.other', { command: { command: entry.action } });
  }
}

/** A city of the change in the reader's language: from the store, else as the change left or found it. */
function cityIn(id: string | undefined, changes: readonly RecordChange[], catalog: Catalog, tr: Translator) {
  if (id === undefined) return '';
  const known: City | undefined =
    catalog.city(id) ??
    changes
      .filter((c) => c.record === 'city' && c.id === id)
      .flatMap((c) => [c.after, c.before])
      .map((record) => CitySchema.safeParse(record).data)
      .find((found) => found !== undefined);
  return known ? cityName(known, tr.lang) : id;
}

/** "Prag – Shanghai": the two cities of the partnership the change was about. */
function pairNames(entry: AuditEntry, catalog: Catalog, tr: Translator): string {
  const changes = entry.changes ?? [];
  return (entry.target ?? '')
    .split('--')
    .map((id) => cityIn(id, changes, catalog, tr))
    .join(' – ');
}

/** The milestone a `record` added: the one its partnership has after the change and did not before. */
function addedMilestone(changes: readonly RecordChange[]) {
  const change = changes.find((c) => c.record === 'partnership');
  const after = PartnershipSchema.safeParse(change?.after).data;
  const before = PartnershipSchema.safeParse(change?.before).data;
  return after?.milestones.find(
    (m) =>
      !before?.milestones.some((old) => isDeepStrictEqual({ ...old, sources: [] }, { ...m, sources: [] })),
  );
}

/** The name an `alias` added to its city. */
function addedName(changes: readonly RecordChange[]): string | undefined {
  const change = changes.find((c) => c.record === 'city');
  const after = CitySchema.safeParse(change?.after).data;
  const before = CitySchema.safeParse(change?.before).data;
  return after?.names.find((n) => !before?.names.some((old) => old.name === n.name))?.name;
}
