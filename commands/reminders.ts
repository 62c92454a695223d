import type { CommandContext } from '../src/core/command.ts';
import { defineCommand } from '../src/core/command.ts';
import { answer, problem, type Reply, type Section } from '../src/core/reply.ts';
import { parseWindow } from '../src/core/window.ts';
import { type LedgerEntry, ledgerKey } from '../src/domain/reminder.ts';
import type { Translator } from '../src/i18n/translator.ts';
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
    return problem(ctx.tr.t('reminders.usage'));
  },
});

function status(ctx: CommandContext): Reply {
  const { catalog, tr } = ctx;
  const targets = catalog.data.reminders.targets;
  if (targets.length === 0) return answer({ text: tr.t('reminders.none') });
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
        { text: describeTarget(target, catalog, tr) },
        {
          text: target.enabled
            ? tr.t('reminders.enabled')
            : target.disabled
              ? tr.t('reminders.disabledSince', {
                  date: target.disabled.at.slice(0, 10),
                  reason: target.disabled.reason,
                })
              : tr.t('reminders.disabled'),
        },
        {
          text: next
            ? tr.t('reminders.next', {
                date: formatFuzzyDate(next.date.toString(), tr.lang),
                time: target.postAt,
                title: reminderMessage(next.reminder, catalog, undefined, tr).title ?? '',
              })
            : tr.t('reminders.nextNone'),
        },
        {
          text: lastSent
            ? tr.t('reminders.lastSent', {
                at: lastSent.at.slice(0, 16).replace('T', ' '),
                what: describeEntry(lastSent, tr),
              })
            : tr.t('reminders.lastSentNone'),
        },
        ...(missed.length > 0
          ? [
              {
                text: tr.t('reminders.missed', { number: missed.length }),
                detail: missed
                  .slice(-5)
                  .map((e) => describeEntry(e, tr))
                  .join('; '),
              },
            ]
          : []),
        ...(unconfirmed.length > 0
          ? [
              {
                text: tr.t('reminders.unconfirmed', { number: unconfirmed.length }),
                detail: unconfirmed
                  .slice(-5)
                  .map((e) => describeEntry(e, tr))
                  .join('; '),
              },
            ]
          : []),
      ],
    };
  });
  return answer({ title: tr.t('reminders.title'), sections, ephemeral: true });
}

function preview(ctx: CommandContext, period: string): Reply {
  const { tr } = ctx;
  const window = parseWindow(period === '' ? 'next 30 days' : period, ctx.today, tr);
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
          text: `${formatFuzzyDate(date.toString(), tr.lang)} ${target.postAt} ${target.timeZone} · ${target.id}`,
          detail: reminderMessage(reminder, ctx.catalog, undefined, tr).title ?? '',
        },
      })),
    )
    .sort((a, b) => a.sort.localeCompare(b.sort));
  return answer({
    title: tr.t('reminders.previewTitle', { period: label }),
    text:
      rows.length === 0
        ? tr.t('reminders.previewNone')
        : tr.t('reminders.toBePosted', { count: rows.length }),
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

/** "le-mans-fr--paderborn-de #60 30 days ahead (due 2027-05-04)": ids and dates as the ledger has them. */
function describeEntry(e: LedgerEntry, tr: Translator): string {
  const what =
    e.partnership === 'digest'
      ? tr.t('reminders.digestEntry', { year: String(e.number) })
      : `${e.partnership} #${e.number}`;
  const lead =
    typeof e.lead === 'number'
      ? e.lead === 0
        ? tr.t('remind.onTheDay')
        : tr.t('remind.daysAhead', { days: String(e.lead), count: e.lead })
      : tr.t(e.lead === 'month' ? 'reminders.forTheMonth' : 'reminders.yearly');
  return tr.t('reminders.entry', { what, lead, due: e.due });
}
