import { type Caller, type CatalogText, editorOf, type PostCheck } from '../src/core/caller.ts';
import type { CommandContext } from '../src/core/command.ts';
import { defineCommand } from '../src/core/command.ts';
import { cityLabel } from '../src/core/describe.ts';
import { answer, problem, type Reply } from '../src/core/reply.ts';
import { DEFAULT_LEADS, type ReminderTarget } from '../src/domain/reminder.ts';
import { tSpans } from '../src/i18n/spans.ts';
import { formatList, type Translator } from '../src/i18n/translator.ts';
import { describeTarget } from '../src/reminders/describe-target.ts';
import { reminderMessage } from '../src/reminders/messages.ts';
import { parseRemindOptions } from '../src/reminders/remind-options.ts';
import { upcomingReminders } from '../src/reminders/upcoming.ts';
import { formatFuzzyDate } from '../src/render/dates.ts';

export const remind = defineCommand({
  name: 'remind',
  args: [
    {
      name: 'action',
      kind: 'text',
      required: true,
    },
  ],
  examples: [
    'remind here',
    'remind here leads 30,7,0 at 09:00 tz Europe/Prague',
    'remind here for all',
    'remind here lang fr',
    'remind off',
  ],
  permission: 'staff',
  handler: (ctx, { action }) => {
    const [verb = '', ...rest] = action.trim().split(/\s+/);
    const { tr } = ctx;
    if (!ctx.caller.channel) return problem(tr.t('remind.where'));
    if (verb.toLowerCase() === 'off') return turnOff(ctx, ctx.caller.channel);
    if (verb.toLowerCase() !== 'here') return problem(tr.t('remind.hereOrOff'));
    return setUp(ctx, ctx.caller.channel, rest.join(' '));
  },
});

async function setUp(ctx: CommandContext, channel: string, text: string): Promise<Reply> {
  const { catalog, tr } = ctx;
  const parsed = parseRemindOptions(text, tr);
  if (!parsed.ok) return problem(parsed.message);
  const { options } = parsed;
  const existing = catalog.data.reminders.targets.find((t) => t.id === channel);
  const home =
    catalog.data.settings.homeCity === undefined ? undefined : catalog.city(catalog.data.settings.homeCity);
  const timeZone = options.timeZone ?? existing?.timeZone ?? home?.timeZone;
  if (timeZone === undefined) return problem(tr.t('remind.needZone'));
  let filter = existing?.filter ?? (home ? { city: home.id } : undefined);
  if (options.scope?.toLowerCase() === 'all') filter = undefined;
  else if (options.scope !== undefined) {
    const found = catalog.resolveCity(options.scope);
    if (found.kind === 'unknown') return problem(tr.t('remind.noCity', { name: options.scope }));
    if (found.kind === 'ambiguous') {
      return problem(
        tr.t('remind.ambiguous', {
          name: options.scope,
          candidates: formatList(found.candidates.map(cityLabel), tr.lang, 'disjunction'),
        }),
      );
    }
    filter = { city: found.city.id };
  }
  const lang = options.lang === 'default' ? undefined : (options.lang ?? existing?.lang);
  const cannotPost = await cannotPostHere(ctx.caller, tr);
  if (cannotPost) return cannotPost;
  const target: ReminderTarget = {
    id: channel,
    timeZone,
    postAt: options.postAt ?? existing?.postAt ?? '09:00',
    leads: options.leads ?? existing?.leads ?? [...DEFAULT_LEADS],
    ...(filter && { filter }),
    ...(lang && { lang }),
    enabled: true,
  };
  await ctx.store.edit(editorOf(ctx.caller), (draft, _editor, office) => {
    // A reminder target names one of the office's own cities: a world city is copied in.
    if (target.filter?.city !== undefined) office.city(target.filter.city);
    draft.reminders.targets = [...draft.reminders.targets.filter((t) => t.id !== channel), target];
    return {
      action: 'remind here',
      summary: `${existing ? 'Changed' : 'Set up'} reminders in ${channel}: ${describeTarget(target, ctx.catalog)}`,
      change: { key: 'remindHere', values: { target, changed: existing !== undefined } },
      target: channel,
      touched: [{ record: 'reminder-target', id: channel }],
      result: undefined,
    };
  });
  const known = new Set<string>();
  const [next] = upcomingReminders(target, ctx.store.catalog, ctx.today, 400, known, 1);
  return answer({
    title: tr.t(existing ? 'remind.updated' : 'remind.setUp'),
    text: describeTarget(target, ctx.store.catalog, tr),
    fields: [
      {
        label: tr.t('remind.nextReminder'),
        value: next
          ? tr.t('remind.nextValue', {
              date: formatFuzzyDate(next.date.toString(), tr.lang),
              title: reminderMessage(next.reminder, ctx.store.catalog, undefined, tr).title ?? '',
            })
          : tr.t('remind.noneThisYear'),
      },
    ],
    footer: tSpans(tr, 'remind.footer', {
      preview: { command: 'reminders preview' },
      off: { command: 'remind off' },
    }),
  });
}

/** What a caller whose adapter gave no way to check gets: nothing is set up on a guess. */
const NO_WAY_TO_CHECK: PostCheck = {
  canPost: 'unknown',
  why: { key: 'remind.noWayToCheck' },
  fix: { key: 'remind.noWayToCheckFix' },
};

/** An adapter's reason in the reader's words; Discord permissions by the names its settings show. */
function worded({ key, values = {} }: CatalogText, tr: Translator): string {
  if (key !== 'remind.check.lacks') return tr.t(key, values);
  const names = (values.permissions ?? '').split(',').map((name) => tr.t(`remind.check.permission.${name}`));
  return tr.t(key, { permissions: formatList(names, tr.lang) });
}

/**
 * Reminders are posted later, when nobody is watching: a channel the bot cannot post in is refused now
 * with what to do, rather than accepted and disabled by the first reminder. When the platform cannot
 * be asked, nothing is set up either, and the reply says so.
 */
async function cannotPostHere(caller: Caller, tr: Translator): Promise<Reply | undefined> {
  const check = caller.canPostHere ? await caller.canPostHere() : NO_WAY_TO_CHECK;
  if (check.canPost === true) return undefined;
  const values = { why: worded(check.why, tr), fix: worded(check.fix, tr) };
  return problem(tr.t(check.canPost === false ? 'remind.cannotPost' : 'remind.couldNotCheck', values));
}

async function turnOff(ctx: CommandContext, channel: string): Promise<Reply> {
  const removed = await ctx.store.edit(editorOf(ctx.caller), (draft) => {
    if (!draft.reminders.targets.some((t) => t.id === channel)) return { unchanged: true, result: false };
    draft.reminders.targets = draft.reminders.targets.filter((t) => t.id !== channel);
    return {
      action: 'remind off',
      summary: `Stopped reminders in ${channel}`,
      change: { key: 'remindOff', values: { channel } },
      target: channel,
      touched: [{ record: 'reminder-target', id: channel }],
      result: true,
    };
  });
  return removed ? answer({ text: ctx.tr.t('remind.stopped') }) : problem(ctx.tr.t('remind.noneHere'));
}
