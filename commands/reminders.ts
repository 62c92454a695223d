import type { CommandContext } from '../src/core/command.ts';
import { defineCommand } from '../src/core/command.ts';
import { answer, problem, type Reply, type Section } from '../src/core/reply.ts';
import { parseWindow } from '../src/core/window.ts';
import { type LedgerEntry, ledgerKey } from '../src/domain/reminder.ts';
import { describeTarget } from '../src/reminders/describe-target.ts';
import { reminderMessage } from '../src/reminders/messages.ts';
import { upcomingReminders } from '../src/reminders/upcoming.ts';
import { formatFuzzyDate } from '../src/render/dates.ts';

/** How far `status` looks for each target's next reminder. */
const NEXT_HORIZON_DAYS = 400;

export const reminders = defineCommand({
  name: 'reminders',
  args: [{ name: 'action', kind: 'text', required: false }],
  examples: ['reminders status', 'reminders preview', 'reminders preview next 60 days'],
  permission: 'staff',
  handler: (ctx, { action }) => {
    const [verb = 'status', ...rest] = (action ?? '')
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    if (verb.toLowerCase() === 'status') return status(ctx);
    if (verb.toLowerCase() === 'preview') return preview(ctx, rest.join(' '));
    return problem('Write `reminders status` or `reminders preview [next N days]`.');
  },
});

function status(ctx: CommandContext): Reply {
  const { catalog } = ctx;
  const targets = catalog.data.reminders.targets;
  if (targets.length === 0)
    return answer({
      text: 'No reminders are set up. Type `remind here` in the channel that should get them.',
    });
  const entries = ctx.ledger?.data.entries ?? [];
  const known = new Set(entries.map(ledgerKey));
  const sections: Section[] = targets.map((target) => {
    const mine = entries.filter((e) => e.target === target.id);
    const lastSent = latest(mine.filter((e) => e.state === 'sent' || e.state === 'late'));
    const missed = mine.filter((e) => e.state === 'missed');
    const unconfirmed = mine.filter((e) => e.state === 'unconfirmed');
    const [next] = target.enabled
      ? upcomingReminders(target, catalog, ctx.today, NEXT_HORIZON_DAYS, known, 1)
      : [];
    return {
      heading: target.id,
      rows: [
        { text: describeTarget(target, catalog) },
        {
          text: target.enabled
            ? 'enabled'
            : `disabled${target.disabled ? ` since ${target.disabled.at.slice(0, 10)}: ${target.disabled.reason}` : ''}. Type \`remind here\` there again to turn it back on.`,
        },
        {
          text: next
            ? `next: ${formatFuzzyDate(next.date.toString())} at ${target.postAt}, ${reminderMessage(next.reminder, catalog).title ?? ''}`
            : 'next: none in the coming year',
        },
        {
          text: lastSent
            ? `last sent: ${lastSent.at.slice(0, 16).replace('T', ' ')} UTC, ${describeEntry(lastSent)}`
            : 'last sent: nothing yet',
        },
        ...(missed.length > 0
          ? [
              {
                text: `missed while the bot was down: ${missed.length}`,
                detail: missed.slice(-5).map(describeEntry).join('; '),
              },
            ]
          : []),
        ...(unconfirmed.length > 0
          ? [
              {
                text: `unconfirmed after a crash (not posted again): ${unconfirmed.length}`,
                detail: unconfirmed.slice(-5).map(describeEntry).join('; '),
              },
            ]
          : []),
      ],
    };
  });
  return answer({ title: 'Reminders', sections, ephemeral: true });
}

function preview(ctx: CommandContext, period: string): Reply {
  const window = parseWindow(period === '' ? 'next 30 days' : period, ctx.today);
  if (!window.ok) return problem(window.message);
  const { from, to, label } = window.window;
  const days = from.until(to).days + 1;
  const known = new Set((ctx.ledger?.data.entries ?? []).map(ledgerKey));
  const rows = ctx.catalog.data.reminders.targets
    .filter((target) => target.enabled)
    .flatMap((target) =>
      upcomingReminders(target, ctx.catalog, from, days, known).map(({ date, reminder }) => ({
        sort: `${date}|${target.postAt}|${target.id}`,
        row: {
          text: `${formatFuzzyDate(date.toString())} ${target.postAt} ${target.timeZone} · ${target.id}`,
          detail: reminderMessage(reminder, ctx.catalog).title ?? '',
        },
      })),
    )
    .sort((a, b) => a.sort.localeCompare(b.sort));
  return answer({
    title: `Reminders in ${label}`,
    text: rows.length === 0 ? 'Nothing will be posted in this period.' : `${rows.length} to be posted`,
    sections: [{ rows: rows.map((r) => r.row) }],
    ephemeral: true,
  });
}

function latest(entries: LedgerEntry[]): LedgerEntry | undefined {
  return entries.reduce<LedgerEntry | undefined>(
    (best, e) => (best === undefined || e.at > best.at ? e : best),
    undefined,
  );
}

function describeEntry(e: LedgerEntry): string {
  const what = e.partnership === 'digest' ? `${e.number} digest` : `${e.partnership} #${e.number}`;
  const lead =
    typeof e.lead === 'number'
      ? e.lead === 0
        ? 'on the day'
        : `${e.lead} days ahead`
      : e.lead === 'month'
        ? 'for the month'
        : 'yearly';
  return `${what} ${lead} (due ${e.due})`;
}
