import { TimeZoneSchema } from '../domain/city.ts';
import { LocalTimeSchema } from '../domain/reminder.ts';
import { LANGS, type Lang, langOfTag } from '../i18n/languages.ts';
import { type Translator, translator } from '../i18n/translator.ts';

/** What `remind here ...` asked for; absent fields keep the channel's current setting or the default. */
export interface RemindOptions {
  leads?: number[];
  postAt?: string;
  timeZone?: string;
  /** The language to post in, or `default` for the workspace's. */
  lang?: Lang | 'default';
  /** A city name to filter on, or 'all' for every partnership. */
  scope?: string;
}

export type RemindOptionsResult = { ok: true; options: RemindOptions } | { ok: false; message: string };

/** Reads `leads 30,7,0`, `at 09:00`, `tz Europe/Prague`, `lang fr` and, last, `for <city>` or `for all`. */
export function parseRemindOptions(text: string, tr: Translator = translator('en')): RemindOptionsResult {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const options: RemindOptions = {};
  const fail = (key: string, values: Record<string, string> = {}): RemindOptionsResult => ({
    ok: false,
    message: tr.t(key, { ...values, usage: tr.t('remind.options.usage') }),
  });
  for (let i = 0; i < words.length; i += 2) {
    const key = words[i]?.toLowerCase();
    const value = words[i + 1];
    if (key === 'for') {
      const scope = words.slice(i + 1).join(' ');
      if (scope === '') return fail('remind.options.needScope');
      options.scope = scope;
      break;
    }
    if (value === undefined) return fail('remind.options.needsValue', { word: words[i] ?? '' });
    if (key === 'leads') {
      const leads = value.split(',').map((n) => Number(n));
      if (leads.some((n) => !Number.isInteger(n) || n < 0 || n > 365) || leads.length > 10)
        return fail('remind.options.leads');
      options.leads = [...new Set(leads)].sort((a, b) => b - a);
    } else if (key === 'at') {
      const time = value.length === 4 ? `0${value}` : value;
      if (!LocalTimeSchema.safeParse(time).success) return fail('remind.options.at');
      options.postAt = time;
    } else if (key === 'tz') {
      if (!TimeZoneSchema.safeParse(value).success) return fail('remind.options.tz', { value });
      options.timeZone = value;
    } else if (key === 'lang') {
      const lang = value.toLowerCase() === 'default' ? 'default' : langOfTag(value);
      if (lang === undefined) return fail('remind.options.lang', { value, langs: LANGS.join(', ') });
      options.lang = lang;
    } else {
      return fail('remind.options.unknown', { word: words[i] ?? '' });
    }
  }
  return { ok: true, options };
}
