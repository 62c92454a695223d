/**
 * The files the pictures read at run time, and the npm package that carries each. From the sources
 * they are read where npm put them; the build copies them to dist/pictures/ under these names and
 * points src/render/pictures/asset-dir.ts there (scripts/build.ts), because the container runs
 * dist/ without node_modules.
 */
export const PICTURE_ASSETS = {
  'resvg.wasm': '@resvg/resvg-wasm/index_bg.wasm',
  'countries-110m.json': 'world-atlas/countries-110m.json',
  'countries-50m.json': 'world-atlas/countries-50m.json',
  'NotoSans-Regular.ttf': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'NotoSans-Bold.ttf': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  'NotoSansJP-Regular.ttf': '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  'NotoSansSC-Regular.ttf': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  // The fonts' licence (SIL OFL 1.1) travels with them.
  'OFL.txt': '@expo-google-fonts/noto-sans/LICENSE_FONT',
} as const;

export type PictureAsset = keyof typeof PICTURE_ASSETS;
