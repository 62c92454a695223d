import { type Caller, editorOf, type PostCheck } from '../src/core/caller.ts';
import type { CommandContext } from '../src/core/command.ts';
import { defineCommand } from '../src/core/command.ts';
import { cityLabel } from '../src/core/describe.ts';
import { answer, problem, type Reply } from '../src/core/reply.ts';
import { DEFAULT_LEADS, type ReminderTarget } from '../src/domain/reminder.ts';
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
    'remind off',
  ],
  permission: 'staff',
  handler: (ctx, { action }) => {
    const [verb = '', ...rest] = action.trim().split(/\s+/);
    if (!ctx.caller.channel)
      return problem('Type `remind` in the Slack or Discord channel that should get the reminders.');
    if (verb.toLowerCase() === 'off') return turnOff(ctx, ctx.caller.channel);
    if (verb.toLowerCase() !== 'here') return problem('Write `remind here` (with options) or `remind off`.');
    return setUp(ctx, ctx.caller.channel, rest.join(' '));
  },
});

async function setUp(ctx: CommandContext, channel: string, text: string): Promise<Reply> {
  const parsed = parseRemindOptions(text);
  if (!parsed.ok) return problem(parsed.message);
  const { options } = parsed;
  const { catalog } = ctx;
  const existing = catalog.data.reminders.targets.find((t) => t.id === channel);
  const home =
    catalog.data.settings.homeCity === undefined ? undefined : catalog.city(catalog.data.settings.homeCity);
  const timeZone = options.timeZone ?? existing?.timeZone ?? home?.timeZone;
  if (timeZone === undefined)
    return problem('Say which time zone the reminders follow, e.g. `remind here tz Europe/Prague`.');
  let filter = existing?.filter ?? (home ? { city: home.id } : undefined);
  if (options.scope?.toLowerCase() === 'all') filter = undefined;
  else if (options.scope !== undefined) {
    const found = catalog.resolveCity(options.scope);
    if (found.kind === 'unknown')
      return problem(`No city named "${options.scope}". Try \`search ${options.scope}\`.`);
    if (found.kind === 'ambiguous') {
      return problem(
        `"${options.scope}" could be ${found.candidates.map(cityLabel).join(' or ')}: add the region or country.`,
      );
    }
    filter = { city: found.city.id };
  }
  const cannotPost = await cannotPostHere(ctx.caller);
  if (cannotPost) return cannotPost;
  const target: ReminderTarget = {
    id: channel,
    timeZone,
    postAt: options.postAt ?? existing?.postAt ?? '09:00',
    leads: options.leads ?? existing?.leads ?? [...DEFAULT_LEADS],
    ...(filter && { filter }),
    enabled: true,
  };
  await ctx.store.edit(editorOf(ctx.caller), (draft, _editor, office) => {
    // A reminder target names one of the office's own cities: a world city is copied in.
    if (target.filter?.city !== undefined) office.city(target.filter.city);
    draft.reminders.targets = [...draft.reminders.targets.filter((t) => t.id !== channel), target];
    return {
      action: 'remind here',
      summary: `${existing ? 'Changed' : 'Set up'} reminders in ${channel}: ${describeTarget(target, ctx.catalog)}`,
      target: channel,
      touched: [{ record: 'reminder-target', id: channel }],
      result: undefined,
    };
  });
  const known = new Set<string>();
  const [next] = upcomingReminders(target, ctx.store.catalog, ctx.today, 400, known, 1);
  return answer({
    title: existing ? 'Reminders for this channel updated' : 'Reminders set up for this channel',
    text: describeTarget(target, ctx.store.catalog),
    fields: [
      {
        label: 'Next reminder',
        value: next
          ? `${formatFuzzyDate(next.date.toString())}: ${reminderMessage(next.reminder, ctx.store.catalog).title ?? ''}`
          : 'none in the coming year',
      },
    ],
    footer: [
      { command: 'reminders preview' },
      ' lists what will be posted; ',
      { command: 'remind off' },
      ' stops them.',
    ],
  });
}

/** What a caller whose adapter gave no way to check gets: nothing is set up on a guess. */
const NO_WAY_TO_CHECK: PostCheck = {
  canPost: 'unknown',
  why: 'this way of asking gives me no way to check',
  fix: 'Type `remind here` as a command in the channel itself.',
};

/**
 * Reminders are posted later, when nobody is watching: a channel the bot cannot post in is refused now
 * with what to do, rather than accepted and disabled by the first reminder. When the platform cannot
 * be asked, nothing is set up either, and the reply says so.
 */
async function cannotPostHere(caller: Caller): Promise<Reply | undefined> {
  const check = caller.canPostHere ? await caller.canPostHere() : NO_WAY_TO_CHECK;
  if (check.canPost === true) return undefined;
  if (check.canPost === false)
    return problem(`I can't post reminders in this channel: ${check.why}. ${check.fix} Nothing was set up.`);
  return problem(
    `I could not check whether I can post in this channel (${check.why}), so nothing was set up. ${check.fix}`,
  );
}

async function turnOff(ctx: CommandContext, channel: string): Promise<Reply> {
  const removed = await ctx.store.edit(editorOf(ctx.caller), (draft) => {
    if (!draft.reminders.targets.some((t) => t.id === channel)) return { unchanged: true, result: false };
    draft.reminders.targets = draft.reminders.targets.filter((t) => t.id !== channel);
    return {
      action: 'remind off',
      summary: `Stopped reminders in ${channel}`,
      target: channel,
      touched: [{ record: 'reminder-target', id: channel }],
      result: true,
    };
  });
  return removed
    ? answer({ text: 'No more reminders will be posted in this channel.' })
    : problem('No reminders are set up for this channel.');
}
