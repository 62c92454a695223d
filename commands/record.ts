import { isDeepStrictEqual } from 'node:util';
import { editorOf } from '../src/core/caller.ts';
import { defineCommand } from '../src/core/command.ts';
import { describeAct, describeStatus, shortCityLabel, withDate } from '../src/core/describe.ts';
import { answer, problem, type Span } from '../src/core/reply.ts';
import { MILESTONE_SYNONYMS, SOURCE_ARG } from '../src/core/write-args.ts';
import { MILESTONE_KINDS, type Milestone, type MilestoneKind } from '../src/domain/partnership.ts';
import { deriveStatus } from '../src/domain/status.ts';
import { tSpans } from '../src/i18n/spans.ts';
import { plainSpans } from '../src/render/plain.ts';
import { insertMilestone, sourceFromUrl } from '../src/store/new-records.ts';

/** Changes that end a partnership: asked to confirm first. */
const DESTRUCTIVE: ReadonlySet<MilestoneKind> = new Set(['termination']);

export const record = defineCommand({
  name: 'record',
  args: [
    { name: 'city', kind: 'city', required: true },
    { name: 'with', kind: 'city', required: true },
    {
      name: 'milestone',
      kind: 'choice',
      choices: MILESTONE_KINDS,
      synonyms: MILESTONE_SYNONYMS,
      required: true,
    },
    { name: 'date', kind: 'date', required: false },
    { name: 'by', kind: 'city', keyword: 'by', required: false },
    { name: 'reason', kind: 'text', keyword: 'reason', required: false },
    SOURCE_ARG,
  ],
  examples: [
    'record Prague Shanghai termination 2020-01-14 by Shanghai reason Prague refused the one-China clause',
    'record Paderborn / Le Mans renewal 2017',
    'record San Francisco / Osaka objection 2018-10 by San Francisco',
  ],
  permission: 'staff',
  handler: async (ctx, args) => {
    const { store, caller, catalog, tr } = ctx;
    const { city, with: other, date, by, reason, source } = args;
    const kind = args.milestone;
    const p = catalog.partnershipBetween(city.id, other.id);
    const names = `${shortCityLabel(city, catalog, tr.lang)} – ${shortCityLabel(other, catalog, tr.lang)}`;
    if (!p) {
      return problem(
        tSpans(tr, 'edit.record.noPartnership', {
          names,
          command: { command: `add ${city.id} / ${other.id}` },
        }),
      );
    }
    if (by && by.id !== city.id && by.id !== other.id)
      return problem(
        tr.t('edit.record.notOneOfThem', { city: shortCityLabel(by, catalog, tr.lang), names }),
        {
          field: 'by',
        },
      );
    if (kind === 'objection' && !by)
      return problem(
        tSpans(tr, 'edit.record.whoObjects', {
          example: { command: '... objection 2018-10 by San Francisco' },
        }),
        { field: 'by' },
      );
    const milestone: Milestone = {
      kind,
      ...(date !== undefined && { date }),
      ...(by && { by: by.id }),
      ...(reason !== undefined && { reason }),
      sources: [],
    };
    const act = withDate(describeAct(milestone, catalog, tr), milestone, tr);
    if (DESTRUCTIVE.has(kind) && !ctx.confirmed) {
      return ctx.askToConfirm(
        answer({ title: tr.t('edit.confirmTitle'), text: tSpans(tr, 'edit.record.confirm', { names, act }) }),
      );
    }
    // The history's words: the office's record of what changed, kept in one language (English).
    const englishNames = `${shortCityLabel(city, catalog)} – ${shortCityLabel(other, catalog)}`;
    const englishAct = plainSpans(withDate(describeAct(milestone, catalog), milestone));
    const outcome = await store.edit(editorOf(caller), (_draft, _editor, office) => {
      // A pair only the world layer lists is copied into the office's store first (see OfficeDraft).
      const current = office.partnership(p.id);
      if (!current) return { unchanged: true, result: 'gone' as const };
      if (current.milestones.some((m) => isDeepStrictEqual({ ...m, sources: [] }, milestone)))
        return { unchanged: true, result: 'already' as const };
      const entry = { ...milestone };
      if (source) {
        const known = current.sources.find((s) => s.url === source);
        const cited = known ?? sourceFromUrl(source, new Set(current.sources.map((s) => s.id)));
        if (!known) current.sources.push(cited);
        entry.sources = [cited.id];
      }
      insertMilestone(current.milestones, entry);
      return {
        action: 'record',
        summary: `Recorded for ${englishNames}: ${englishAct}${reason ? `; reason: ${reason}` : ''}`,
        change: { key: 'recorded', values: { cities: [city.id, other.id], milestone } },
        target: p.id,
        touched: [{ record: 'partnership', id: p.id }],
        result: 'recorded' as const,
      };
    });
    if (outcome === 'gone') return problem(tr.t('edit.record.gone', { names }));
    if (outcome === 'already') return problem(tr.t('edit.record.already', { names }));
    const now = store.catalog.partnershipBetween(city.id, other.id);
    const status: Span[] = now ? describeStatus(deriveStatus(now, ctx.today), store.catalog, tr) : [];
    return answer({
      text: tSpans(tr, 'edit.record.done', {
        names,
        act,
        status,
        agreement: { command: `agreement ${city.id} ${other.id}` },
        undo: { command: 'undo' },
      }),
    });
  },
});
