import type { City } from '../../domain/city.ts';
import { distanceKm, SAME_PLACE_KM } from '../../domain/geo.ts';
import { foldName } from '../../domain/names.ts';

/**
 * Whether a world city with the same folded name is the office city's place: same country, and the
 * same region or coordinates within 25 km. A name alone is not enough (two Concords, two Frankfurts).
 */
export function sameCityAs(office: City, world: City): boolean {
  if (office.country !== world.country) return false;
  if (
    office.region !== undefined &&
    world.region !== undefined &&
    foldName(office.region) === foldName(world.region)
  )
    return true;
  return (
    office.coordinates !== undefined &&
    world.coordinates !== undefined &&
    distanceKm(office.coordinates, world.coordinates) <= SAME_PLACE_KM
  );
}
