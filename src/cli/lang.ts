import { LANGS, type Lang, langOfEnv, langOfTag } from '../i18n/languages.ts';
import { UsageError } from './options.ts';

/** The language to answer in at the terminal: `--lang`, else the shell's (LC_ALL, LC_MESSAGES, LANG), else English. */
export function cliLang(option: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (option === undefined) return langOfEnv(env);
  const lang = langOfTag(option);
  if (!lang)
    throw new UsageError(`--lang ${option}: twinbot answers in ${LANGS.join(', ')}; write one of those.`);
  return lang;
}
