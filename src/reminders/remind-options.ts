import { TimeZoneSchema } from '../domain/city.ts';
import { LocalTimeSchema } from '../domain/reminder.ts';

/** What `remind here ...` asked for; absent fields keep the channel's current setting or the default. */
export interface RemindOptions {
  leads?: number[];
  postAt?: string;
  timeZone?: string;
  /** A city name to filter on, or 'all' for every partnership. */
  scope?: string;
}

export type RemindOptionsResult = { ok: true; options: RemindOptions } | { ok: false; message: string };

const USAGE = 'e.g. `remind here leads 30,7,0 at 09:00 tz Europe/Prague for Prague` (every part optional)';

/** Reads `leads 30,7,0`, `at 09:00`, `tz Europe/Prague` and, last, `for <city>` or `for all`. */
export function parseRemindOptions(text: string): RemindOptionsResult {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const options: RemindOptions = {};
  for (let i = 0; i < words.length; i += 2) {
    const key = words[i]?.toLowerCase();
    const value = words[i + 1];
    if (key === 'for') {
      const scope = words.slice(i + 1).join(' ');
      if (scope === '')
        return {
          ok: false,
          message: `Say which city's partnerships after \`for\`, or \`for all\`; ${USAGE}.`,
        };
      options.scope = scope;
      break;
    }
    if (value === undefined) return { ok: false, message: `\`${words[i]}\` needs a value; ${USAGE}.` };
    if (key === 'leads') {
      const leads = value.split(',').map((n) => Number(n));
      if (leads.some((n) => !Number.isInteger(n) || n < 0 || n > 365) || leads.length > 10) {
        return {
          ok: false,
          message: `Leads are days before the anniversary, 0 to 365, e.g. \`leads 30,7,0\`.`,
        };
      }
      options.leads = [...new Set(leads)].sort((a, b) => b - a);
    } else if (key === 'at') {
      const time = value.length === 4 ? `0${value}` : value;
      if (!LocalTimeSchema.safeParse(time).success)
        return { ok: false, message: 'Give the post time as HH:MM, e.g. `at 09:00`.' };
      options.postAt = time;
    } else if (key === 'tz') {
      if (!TimeZoneSchema.safeParse(value).success) {
        return {
          ok: false,
          message: `"${value}" is not an IANA time zone; use one such as \`tz Europe/Prague\` or \`tz America/New_York\`.`,
        };
      }
      options.timeZone = value;
    } else {
      return { ok: false, message: `I don't know "${words[i]}" here; ${USAGE}.` };
    }
  }
  return { ok: true, options };
}
