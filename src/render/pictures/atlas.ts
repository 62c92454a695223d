import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { assetUrl } from './asset-dir.ts';

/** Natural Earth country shapes (public domain, npm world-atlas), as land to fill and borders to stroke. */
export interface Atlas {
  land: FeatureCollection;
  borders: MultiLineString;
}

/**
 * 1:110m for the whole world, 1:50m for a region, where the coarse coastlines show their corners.
 * Each is read once per process, when a map first needs it.
 */
export type Detail = '110m' | '50m';

const atlases = new Map<Detail, Atlas>();

export function atlas(detail: Detail): Atlas {
  let found = atlases.get(detail);
  if (!found) {
    const topology = JSON.parse(readFileSync(assetUrl(`countries-${detail}.json`), 'utf8')) as Topology<{
      countries: GeometryCollection;
    }>;
    const { countries } = topology.objects;
    found = {
      land: feature(topology, countries) as FeatureCollection,
      borders: mesh(topology, countries, (a, b) => a !== b),
    };
    atlases.set(detail, found);
  }
  return found;
}
