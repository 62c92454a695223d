import { createRequire } from 'node:module';

/**
 * Where the stop-word lists are read from, on the first question. From the sources (tsx, tests) it
 * is stopwords-iso's own file; the build writes our seven languages' lists to dist/stop-words.json
 * and points this constant there (scripts/build.ts): bundled, the package's sixty languages made
 * every command's cold start slower, questions or not.
 */
export const STOP_WORDS_FILE: string | URL = createRequire(import.meta.url).resolve(
  'stopwords-iso/stopwords-iso.json',
);
