import { defineCommand } from '../src/core/command.ts';
import { shortCityLabel } from '../src/core/describe.ts';
import { describeEntry } from '../src/core/describe-change.ts';
import { answer, type Row } from '../src/core/reply.ts';
import { type AuditEntry, undoneIndexes } from '../src/domain/audit.ts';
import type { City } from '../src/domain/city.ts';
import { partnershipId } from '../src/domain/partnership.ts';
import { tSpans } from '../src/i18n/spans.ts';

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
      const text = describeEntry(entry, audit, catalog, tr);
      rows.push({
        text: undone.has(i) ? tSpans(tr, 'history.undone', { text }) : text,
        detail: `${formatTime(entry.at)} · ${entry.actor} · ${entry.platform}`,
      });
    }
    const label = (c: City) => shortCityLabel(c, catalog, tr.lang);
    return answer({
      title: city
        ? tr.t('history.titleOf', { what: other ? `${label(city)} – ${label(other)}` : label(city) })
        : tr.t('history.title'),
      text: rows.length === 0 ? tr.t('history.none') : tr.t('history.count', { count: rows.length }),
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

/** "2026-11-26 20:41 UTC": the log's own clock in ISO form, the same for every reader and language. */
function formatTime(at: string): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
