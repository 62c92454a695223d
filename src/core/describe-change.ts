import type { AuditEntry } from '../domain/audit.ts';
import type { Change } from '../domain/change.ts';
import { countryName } from '../domain/country.ts';
import { cityName } from '../i18n/city-name.ts';
import { languageName } from '../i18n/language-name.ts';
import { tSpans } from '../i18n/spans.ts';
import { formatList, type Translator } from '../i18n/translator.ts';
import { describeTarget } from '../reminders/describe-target.ts';
import type { Catalog } from '../store/catalog.ts';
import { cityLabelIn, describeAct, milestoneLabel, typeLabel, withDate } from './describe.ts';
import type { Span } from './reply.ts';

/**
 * An entry of the history in the reader's words: its recorded change through the catalogs; an entry
 * written before changes were recorded as data shows its stored summary, or its action and target.
 * `audit` is the whole history, for an `undo` to name the change it reverted.
 */
export function describeEntry(
  entry: AuditEntry,
  audit: readonly AuditEntry[],
  catalog: Catalog,
  tr: Translator,
): Span[] {
  if (entry.change === undefined)
    return [entry.summary ?? [entry.action, entry.target].filter(Boolean).join(' ')];
  if (entry.change.key === 'undid') {
    const undone = entry.undoes === undefined ? undefined : audit[entry.undoes];
    const what = undone ? describeEntry(undone, audit, catalog, tr) : [entry.summary ?? entry.action];
    return tSpans(tr, 'change.undid', { what });
  }
  return describeChange(entry.change, catalog, tr);
}

/** "Added the partnership Skövde – Prague; new city: Skövde, Sweden" in `tr`'s language. */
export function describeChange(
  change: Exclude<Change, { key: 'undid' }>,
  catalog: Catalog,
  tr: Translator,
): Span[] {
  // A city the store no longer has is shown by its id.
  const name = (id: string) => {
    const city = catalog.city(id);
    return city ? cityName(city, tr.lang) : id;
  };
  const label = (id: string) => {
    const city = catalog.city(id);
    return city ? cityLabelIn(city, tr.lang) : id;
  };
  const pair = (ids: readonly [string, string]) => ids.map(name).join(' – ');
  switch (change.key) {
    case 'added': {
      const { cities, type, signed, created = [], listed } = change.values;
      const signing =
        signed && withDate(milestoneLabel('signing', tr), { kind: 'signing', date: signed, sources: [] }, tr);
      const key = `change.${listed ? 'listed' : 'added'}${type ? 'Type' : ''}${signing ? 'Signed' : ''}`;
      const added = tSpans(tr, key, {
        names: pair(cities),
        ...(type && { type: typeLabel(type, tr) }),
        ...(signing && { signed: signing }),
      });
      return created.length === 0
        ? added
        : tSpans(tr, 'change.newCities', {
            change: added,
            cities: formatList(created.map(label), tr.lang),
            count: created.length,
          });
    }
    case 'removed':
      return [
        tr.t(change.values.hidden ? 'change.removedHidden' : 'change.removed', {
          names: pair(change.values.cities),
        }),
      ];
    case 'recorded': {
      const { cities, milestone } = change.values;
      const act = withDate(describeAct(milestone, catalog, tr), milestone, tr);
      return milestone.reason === undefined
        ? tSpans(tr, 'change.recorded', { names: pair(cities), act })
        : tSpans(tr, 'change.recordedWhy', { names: pair(cities), act, reason: milestone.reason });
    }
    case 'alias': {
      const { city, name: alias, lang } = change.values;
      return [
        lang === undefined
          ? tr.t('change.alias', { name: alias, city: label(city) })
          : tr.t('change.aliasIn', { name: alias, lang, city: label(city) }),
      ];
    }
    case 'citySet': {
      const { city, field, value, before } = change.values;
      const shown = (v: string | undefined) =>
        v === undefined
          ? tr.t('edit.citySet.notRecorded')
          : field === 'country'
            ? countryName(v, tr.lang)
            : v;
      const values = { city: label(city), value: shown(value), before: shown(before) };
      return [tr.t(before === undefined ? `change.citySet.${field}` : `change.citySetWas.${field}`, values)];
    }
    case 'home':
      return [tr.t('change.home', { city: label(change.values.city) })];
    case 'world':
      return [tr.t(change.values.on ? 'change.worldOn' : 'change.worldOff')];
    case 'language': {
      const { scope, lang } = change.values;
      const where = scope === 'store' ? 'Store' : 'Workspace';
      return [
        lang === undefined
          ? tr.t(`change.language${where}Cleared`, { scope })
          : tr.t(`change.language${where}Set`, { scope, language: languageName(lang, tr.lang) }),
      ];
    }
    case 'remindHere': {
      const { target, changed } = change.values;
      const values = { channel: target.id, target: describeTarget(target, catalog, tr) };
      return [tr.t(changed ? 'change.remindChanged' : 'change.remindSetUp', values)];
    }
    case 'remindOff':
      return [tr.t('change.remindOff', { channel: change.values.channel })];
    case 'staff':
      return [
        tr.t(change.values.added ? 'change.staffAdded' : 'change.staffRemoved', { who: change.values.who }),
      ];
  }
}
