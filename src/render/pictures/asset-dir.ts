import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PICTURE_ASSETS, type PictureAsset } from './assets.ts';

const require = createRequire(import.meta.url);

/** Where an asset lies: in its npm package from the sources; the build replaces this module (see assets.ts). */
export function assetUrl(asset: PictureAsset): URL {
  return pathToFileURL(require.resolve(PICTURE_ASSETS[asset]));
}
