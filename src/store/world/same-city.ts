import type { City } from '../../domain/city.ts';
import { foldName } from '../../domain/names.ts';

/** How far apart two records' coordinates may be and still be one place. */
const SAME_PLACE_KM = 25;

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

/** Great-circle distance (haversine), in kilometres. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
