/**
 * The folder of the catalogs other than English, read on first use. From the sources (tsx, tests) it
 * is beside this module; the build copies the catalogs to dist/catalogs/ and points this constant
 * there (scripts/build.ts), so a process reads only the languages it answers in.
 */
export const CATALOG_DIR = new URL('./catalogs/', import.meta.url);
