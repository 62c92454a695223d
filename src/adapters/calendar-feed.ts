import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { mistakes, ok, type Parsed } from '../config-result.ts';
import type { Logger } from '../core/logger.ts';

/** A GET route that decides from the path whether it answers; false leaves the request to a 404. */
export type PathRoute = (path: string, res: ServerResponse) => boolean;

/** At least 128 bits, URL-safe (`openssl rand -hex 16` gives 32 hex digits). */
const TOKEN = /^[A-Za-z0-9_-]{32,256}$/;

/** `CALENDAR_TOKEN`: the secret part of the feed's address; unset, the feed is off. Never echoed. */
export function parseCalendarToken(env: NodeJS.ProcessEnv): Parsed<string | undefined> {
  const token = env.CALENDAR_TOKEN;
  if (token === undefined || token === '') return ok(undefined);
  if (!TOKEN.test(token)) {
    return mistakes(
      'CALENDAR_TOKEN must be at least 32 letters, digits, - or _ (for example the output of `openssl rand -hex 16`)',
    );
  }
  return ok(token);
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The anniversaries calendar that offices subscribe to in Outlook or Google Calendar, at
 * `/calendar/<token>.ics`. The token is compared in constant time (as digests, so its length does
 * not show either), and any other path is left to the 404 every unknown path gets, so a guess
 * learns nothing.
 */
export function calendarFeed(token: string, calendar: () => Promise<string>, log: Logger): PathRoute {
  const expected = digest(token);
  return (path, res) => {
    const match = /^\/calendar\/([^/]+)\.ics$/.exec(path);
    if (match?.[1] === undefined || !timingSafeEqual(digest(match[1]), expected)) return false;
    calendar().then(
      (text) => {
        res.writeHead(200, {
          'Content-Type': 'text/calendar; charset=utf-8',
          'Content-Disposition': 'inline; filename="anniversaries.ics"',
          'Cache-Control': 'private, max-age=300',
          'Referrer-Policy': 'no-referrer',
        });
        res.end(text);
      },
      (error: unknown) => {
        log.error(`calendar feed failed: ${error instanceof Error ? error.message : String(error)}`);
        res.writeHead(500).end();
      },
    );
    return true;
  };
}
