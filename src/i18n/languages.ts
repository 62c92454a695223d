import { z } from 'zod';

/** The languages twinbot answers in; English is the source every catalog is translated from. */
export const LANGS = ['en', 'de', 'fr', 'es', 'cs', 'ja', 'zh-Hans'] as const;
export const langSchema = z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;

/**
 * The language of a tag as platforms and shells write it: `de`, `de-AT`, `de_DE.UTF-8`, `zh-CN`,
 * `cs_CZ`. Chinese reads our Simplified catalog where Simplified is the usual script (`zh`, `zh-CN`,
 * `zh-SG`, `zh-Hans`); Traditional readers (`zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant`) are undefined like
 * any language we have no catalog for (and `C`, `POSIX`), so the caller falls back: platforms never
 * swap one script for the other (a Discord or Slack client in zh-TW shows an app's English, not its
 * zh-CN), and mainland terms (友好城市) in Simplified are not how Taipei or Hong Kong write.
 */
export function langOfTag(tag: string | undefined): Lang | undefined {
  const base = tag?.trim().split(/[.@]/)[0]?.replace(/_/g, '-');
  if (!base) return undefined;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(base);
  } catch {
    return undefined;
  }
  const { language } = locale;
  if (language === 'zh') return locale.maximize().script === 'Hans' ? 'zh-Hans' : undefined;
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
