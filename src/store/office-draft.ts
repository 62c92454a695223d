import type { City } from '../domain/city.ts';
import type { Partnership } from '../domain/partnership.ts';
import type { Catalog } from './catalog.ts';
import type { RecordRef } from './records.ts';
import type { StoreData } from './schema.ts';

/**
 * The office's records in a change's draft, reached through the catalog the change was asked in:
 * a world city or pair that a staff edit touches is first copied into the office's store (a pair
 * with both its cities and its sources), so the office's file stays valid on its own and the
 * office's copy wins from then on. The copies are reported, so the audit entry holds them and
 * `undo` takes them back with the change.
 */
export class OfficeDraft {
  private readonly copied: RecordRef[] = [];
  /** Records of the draft that are this change's own copies, safe to change in place. */
  private readonly own = new Set<object>();

  constructor(
    private readonly draft: StoreData,
    private readonly catalog: Catalog,
  ) {}

  /** Records copied from the world layer by this change, in the order they were copied. */
  get adopted(): readonly RecordRef[] {
    return this.copied;
  }

  /**
   * The office's record of the city, for the change to change in place: a copy put in the draft's
   * list (the record itself is shared with the data answers read), or a copy from the world layer
   * when only the world has it.
   */
  city(id: string): City | undefined {
    const own = this.editable(this.draft.cities, id);
    if (own) return own;
    const shown = this.catalog.city(id);
    if (!shown) return undefined;
    if (shown.id !== id) return this.city(shown.id);
    const copy = structuredClone(shown);
    this.own.add(copy);
    this.draft.cities.push(copy);
    this.copied.push({ record: 'city', id });
    return copy;
  }

  /** The office's record of the pair (a copy to change, as for cities), copied with its cities from the world layer when only the world lists it. */
  partnership(id: string): Partnership | undefined {
    const own = this.editable(this.draft.partnerships, id);
    if (own) return own;
    const [a, b] = id.split('--');
    const shown = a === undefined || b === undefined ? undefined : this.catalog.partnershipBetween(a, b);
    if (!shown || shown.id !== id) return undefined;
    for (const cityId of shown.cities) this.city(cityId);
    const copy = structuredClone(shown);
    this.own.add(copy);
    this.draft.partnerships.push(copy);
    this.copied.push({ record: 'partnership', id });
    return copy;
  }

  /** The draft's record with this id, replaced in its list by a copy of its own the first time. */
  private editable<R extends { id: string }>(list: R[], id: string): R | undefined {
    const at = list.findIndex((r) => r.id === id);
    const found = list[at];
    if (found === undefined || this.own.has(found)) return found;
    const copy = structuredClone(found);
    this.own.add(copy);
    list[at] = copy;
    return copy;
  }

  /** Whether the world layer lists this pair (shown or not), so removing the office's record would bring it back. */
  worldLists(a: string, b: string): boolean {
    const world = this.catalog.world;
    if (!world) return false;
    const ids = (cityId: string) => [cityId, ...this.catalog.worldTwinIds(cityId)];
    return ids(a).some((x) => ids(b).some((y) => world.partnershipsOf(x).some((p) => p.cities.includes(y))));
  }

  /** Records that the office does not want the world's pair: it stays hidden. */
  hide(id: string): RecordRef {
    this.draft.hiddenWorldPairs ??= [];
    if (!this.draft.hiddenWorldPairs.includes(id)) this.draft.hiddenWorldPairs.push(id);
    return { record: 'hidden-world-pair', id };
  }
}
