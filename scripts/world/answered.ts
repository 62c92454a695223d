import type { Catalog } from '../../src/store/catalog.ts';
import { type Resolution, targetKey } from './resolve.ts';

/**
 * List rows that made it into the layer but whose pair a `partners` answer would not show, on either
 * side: read through the catalog that answers questions (the layer beside an office's store, with its
 * takeovers and hidden pairs), not through the file, so what the check counts is what people see.
 */
export function unshownPairs(resolution: Resolution, idOf: Map<string, string>, catalog: Catalog): string[] {
  const partnersOf = new Map<string, Set<string>>();
  const shownPartners = (cityId: string): Set<string> => {
    let partners = partnersOf.get(cityId);
    if (partners === undefined) {
      partners = new Set(
        catalog.partnershipsOf(cityId).flatMap((p) => p.cities.filter((id) => id !== cityId)),
      );
      partnersOf.set(cityId, partners);
    }
    return partners;
  };
  const unshown: string[] = [];
  for (const r of resolution.resolved) {
    const a = catalog.city(idOf.get(targetKey(r.a)) ?? '');
    const b = catalog.city(idOf.get(targetKey(r.b)) ?? '');
    if (!a || !b || !shownPartners(a.id).has(b.id) || !shownPartners(b.id).has(a.id))
      unshown.push(`${r.row.list} line ${r.row.line}: ${r.row.a.name} – ${r.row.b.name}`);
  }
  return unshown;
}
