import { z } from 'zod';

/** The languages twinbot answers in; English is the source every catalog is translated from. */
export const LANGS = ['en', 'de', 'fr', 'es', 'cs', 'ja', 'zh-Hans'] as const;
export const langSchema = z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;

/**
 * The language of a tag as platforms and shells write it: `de`, `de-AT`, `de_DE.UTF-8`, `zh-CN`,
 * `cs_CZ`. Chinese in any script reads our Simplified catalog rather than English; anything else we
 * have no catalog for (and `C`, `POSIX`) is undefined, so the caller falls back.
 */
export function langOfTag(tag: string | undefined): Lang | undefined {
  const base = tag?.trim().split(/[.@]/)[0]?.replace(/_/g, '-');
  if (!base) return undefined;
  let language: string;
  try {
    language = new Intl.Locale(base).language;
  } catch {
    return undefined;
  }
  if (language === 'zh') return 'zh-Hans';
  return langSchema.safeParse(language).data;
}

/** The shell's language, the way POSIX programs pick it: LC_ALL, then LC_MESSAGES, then LANG; else English. */
export function langOfEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return langOfTag(tag) ?? 'en';
}

/** The Intl locale for a language; English dates read "3 June 1967", as the office has always written them. */
export function intlLocale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : lang;
}
