import { defineCommand } from '../src/core/command.ts';
import { shortCityLabel } from '../src/core/describe.ts';
import { answer, type Row } from '../src/core/reply.ts';
import { type AuditEntry, undoneIndexes } from '../src/domain/audit.ts';
import { partnershipId } from '../src/domain/partnership.ts';

export const history = defineCommand({
  name: 'history',
  args: [
    { name: 'city', kind: 'city', required: false },
    { name: 'with', kind: 'city', required: false },
  ],
  examples: ['history', 'history Prague', 'history Prague Shanghai'],
  permission: 'staff',
  handler: ({ catalog, tr }, { city, with: other }) => {
    const audit = catalog.data.audit;
    const undone = undoneIndexes(audit);
    const about = other && city ? partnershipId(city.id, other.id) : city?.id;
    const rows: Row[] = [];
    for (let i = audit.length - 1; i >= 0; i -= 1) {
      const entry = audit[i];
      if (!entry || (about !== undefined && !touches(entry, about, other !== undefined))) continue;
      rows.push({
        text: `${entry.summary ?? [entry.action, entry.target].filter(Boolean).join(' ')}${undone.has(i) ? ' (undone)' : ''}`,
        detail: `${formatTime(entry.at)} · ${entry.actor} · ${entry.platform}`,
      });
    }
    const scope =
      city && other
        ? ` of ${shortCityLabel(city, catalog)} – ${shortCityLabel(other, catalog)}`
        : city
          ? ` of ${shortCityLabel(city, catalog)}`
          : '';
    return answer({
      title: `History${scope}`,
      text:
        rows.length === 0
          ? 'No changes recorded yet.'
          : `${tr.t('count.change', { count: rows.length })}, newest first.`,
      ...(rows.length > 0 && { sections: [{ rows }] }),
      ephemeral: true,
    });
  },
});

/** Whether the entry changed the partnership (`exact`) or the city and its partnerships. */
function touches(entry: AuditEntry, about: string, exact: boolean): boolean {
  const ids = [entry.target, ...(entry.changes ?? []).map((c) => c.id)].filter((id) => id !== undefined);
  return ids.some((id) => (exact ? id === about : id === about || id.split('--').includes(about)));
}

/** "2026-11-26 20:41 UTC": the log's own clock, the same for every reader. */
function formatTime(at: string): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
