import { editorOf } from '../src/core/caller.ts';
import { defineCommand, type PlaceArg } from '../src/core/command.ts';
import { cityLabel, cityLabelIn, describeStatus, shortCityLabel, typeLabel } from '../src/core/describe.ts';
import { answer, problem } from '../src/core/reply.ts';
import { SOURCE_ARG, TYPE_SYNONYMS } from '../src/core/write-args.ts';
import type { City } from '../src/domain/city.ts';
import {
  orderCities,
  PARTNERSHIP_TYPES,
  type Partnership,
  partnershipId,
} from '../src/domain/partnership.ts';
import { deriveStatus } from '../src/domain/status.ts';
import { tSpans } from '../src/i18n/spans.ts';
import { formatList } from '../src/i18n/translator.ts';
import { ensureCity, insertMilestone, sourceFromUrl } from '../src/store/new-records.ts';
import type { OfficeDraft } from '../src/store/office-draft.ts';
import type { RecordRef } from '../src/store/records.ts';

export const add = defineCommand({
  name: 'add',
  args: [
    { name: 'city', kind: 'place', required: true },
    { name: 'with', kind: 'place', required: true },
    {
      name: 'type',
      kind: 'choice',
      choices: PARTNERSHIP_TYPES,
      synonyms: TYPE_SYNONYMS,
      required: false,
    },
    { name: 'signed', kind: 'date', keyword: 'signed', required: false },
    SOURCE_ARG,
  ],
  examples: [
    'add Skövde, SE / Zhangjiakou, CN friendship_city signed 2015',
    'add Prague / Taipei sister_city signed 2001-04-01 source https://www.praha.eu/',
  ],
  permission: 'staff',
  handler: async ({ store, caller, today, tr }, { city, with: other, type, signed, source }) => {
    if (city.kind === 'known' && other.kind === 'known' && city.city.id === other.city.id)
      return problem(tr.t('edit.add.self'));
    const outcome = await store.edit<Added>(editorOf(caller), (draft, _editor, office) => {
      const a = placeId(draft, office, city);
      const b = placeId(draft, office, other);
      const id = partnershipId(a.id, b.id);
      const cities = orderCities(a.id, b.id);
      // What the history records of the pair, in the order staff typed it, wherever it came from.
      const typed: [string, string] = [a.id, b.id];
      const pairAdded = {
        cities: typed,
        ...(type !== undefined && { type }),
        ...(signed && { signed }),
      };
      if (draft.partnerships.some((p) => p.id === id))
        return { unchanged: true, result: { added: false, cities, created: [] } };
      // A pair the world layer lists becomes the office's record, keeping the lists as its sources.
      const listed = office.partnership(id);
      if (listed) {
        const cited = source ? sourceFromUrl(source, new Set(listed.sources.map((s) => s.id))) : undefined;
        if (cited) listed.sources.push(cited);
        if (type !== undefined) listed.type = type;
        if (signed)
          insertMilestone(listed.milestones, {
            kind: 'signing',
            date: signed,
            sources: cited ? [cited.id] : [],
          });
        return {
          action: 'add',
          summary: `Added the partnership ${nameOf(city, undefined)} – ${nameOf(other, undefined)}, listed by the world layer, to the office's records${type ? ` (${typeLabel(type)})` : ''}${signed ? `, signed ${signed}` : ''}`,
          change: {
            key: 'added',
            values: { ...pairAdded, listed: true },
          },
          target: id,
          touched: [{ record: 'partnership', id }],
          result: { added: true, cities, created: [], listed: true },
        };
      }
      const sources = source ? [sourceFromUrl(source, new Set())] : [];
      const partnership: Partnership = {
        id,
        cities,
        ...(type !== undefined && { type }),
        milestones: signed ? [{ kind: 'signing', date: signed, sources: sources.map((s) => s.id) }] : [],
        sources,
      };
      draft.partnerships.push(partnership);
      const created = [a.created, b.created].filter((c): c is City => c !== undefined);
      const touched: RecordRef[] = [
        ...created.map((c): RecordRef => ({ record: 'city', id: c.id })),
        { record: 'partnership', id },
      ];
      const names = `${nameOf(city, a.created)} – ${nameOf(other, b.created)}`;
      return {
        action: 'add',
        summary: `Added the partnership ${names}${type ? ` (${typeLabel(type)})` : ''}${signed ? `, signed ${signed}` : ''}${created.length > 0 ? `; new ${created.length === 1 ? 'city' : 'cities'}: ${created.map(cityLabel).join('; ')}` : ''}`,
        change: {
          key: 'added',
          values: { ...pairAdded, ...(created.length > 0 && { created: created.map((c) => c.id) }) },
        },
        target: id,
        touched,
        result: { added: true, cities, created },
      };
    });
    const catalog = store.catalog;
    const p = catalog.partnershipBetween(...outcome.cities);
    const [first, second] = outcome.cities.map((cityId) => catalog.city(cityId));
    if (!p || !first || !second)
      throw new Error(`partnership ${outcome.cities.join('--')} missing after add`);
    const names = `${shortCityLabel(first, catalog, tr.lang)} – ${shortCityLabel(second, catalog, tr.lang)}`;
    if (!outcome.added) {
      return problem(
        tSpans(tr, 'edit.add.already', {
          names,
          status: describeStatus(deriveStatus(p, today), catalog, tr),
          command: { command: `record ${first.id} ${second.id} <milestone>` },
        }),
      );
    }
    const next = { agreement: { command: `agreement ${first.id} ${second.id}` }, undo: { command: 'undo' } };
    const cities = formatList(
      outcome.created.map((c) => cityLabelIn(c, tr.lang)),
      tr.lang,
    );
    return answer({
      text: outcome.listed
        ? tSpans(tr, 'edit.add.doneListed', { names, ...next })
        : outcome.created.length > 0
          ? tSpans(tr, 'edit.add.doneNew', { names, cities, ...next })
          : tSpans(tr, 'edit.add.done', { names, ...next }),
    });
  },
});

interface Added {
  added: boolean;
  /** The pair was listed by the world layer and is now the office's record. */
  listed?: boolean;
  /** The two city ids, in the partnership's order. */
  cities: [string, string];
  created: City[];
}

/** The city's id in the office's store: a known world city is copied in, a new one created. */
function placeId(
  draft: { cities: City[] },
  office: OfficeDraft,
  place: PlaceArg,
): { id: string; created?: City } {
  if (place.kind === 'new') return ensureCity(draft, place);
  return { id: office.city(place.city.id)?.id ?? place.city.id };
}

function nameOf(place: PlaceArg, created: City | undefined): string {
  return place.kind === 'known' ? place.city.name : (created?.name ?? place.name);
}
