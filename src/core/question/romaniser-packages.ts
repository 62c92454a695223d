import { createRequire } from 'node:module';

/** The packages that read kana and hanzi names, loaded on the first such name (see romanise.ts). */
export const ROMANISER_PACKAGES = ['wanakana', 'pinyin-pro', 'opencc-js/cn2t', 'opencc-js/t2cn'] as const;
export type RomaniserPackage = (typeof ROMANISER_PACKAGES)[number];

/**
 * Loads one of them, synchronously, as the question reader is. The build points this at the copies
 * it bundles beside the commands (dist/vendor/), since the container has no node_modules.
 */
export const requireRomaniser: (name: RomaniserPackage) => unknown = createRequire(import.meta.url);
