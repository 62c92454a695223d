import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCalendarToken } from '../../../src/adapters/calendar-feed.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { type HttpHarness, startHttpHarness } from './harness.ts';

const TOKEN = '4f1c9a0e7b2d6e8f3a5c1b9d0e7f2a6c';

let slack: HttpHarness | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

describe('the calendar feed', () => {
  it('GIVEN CALENDAR_TOKEN THEN /calendar/<token>.ics serves the anniversaries calendar, and no log line shows the token', async () => {
    slack = await startHttpHarness(undefined, {}, { calendarToken: TOKEN });
    const res = await fetch(`${slack.baseUrl}/calendar/${TOKEN}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents('vevent');
    expect(events.map((e) => new ICAL.Event(e).summary)).toContain(
      '60th anniversary: Le Mans – Paderborn 🎉',
    );
    expect(slack.logs.join('\n')).toContain('GET /calendar/<CALENDAR_TOKEN>.ics');
    expect(slack.logs.join('\n')).not.toContain(TOKEN);
  });

  it('GIVEN staff chose German for the whole store THEN the feed is German', async () => {
    const data = smallStore();
    slack = await startHttpHarness(
      { ...data, settings: { ...data.settings, language: 'de' } },
      {},
      { calendarToken: TOKEN },
    );
    const text = await (await fetch(`${slack.baseUrl}/calendar/${TOKEN}.ics`)).text();
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events.map((e) => new ICAL.Event(e).summary)).toContain('60. Jahrestag: Le Mans – Paderborn 🎉');
  });

  it.each([
    ['a wrong token', `/calendar/${TOKEN.replace('4', '5')}.ics`],
    ['the token cut short', `/calendar/${TOKEN.slice(0, -1)}.ics`],
    ['no token', '/calendar/.ics'],
    ['the old open address', '/calendar.ics'],
  ])('GIVEN CALENDAR_TOKEN and %s THEN 404, the same answer as any unknown path', async (_, path) => {
    slack = await startHttpHarness(undefined, {}, { calendarToken: TOKEN });
    const unknown = await fetch(`${slack.baseUrl}/nothing-here`);
    const res = await fetch(`${slack.baseUrl}${path}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(await unknown.text());
  });

  it('GIVEN no CALENDAR_TOKEN THEN the feed is off: /calendar.ics and any /calendar/<x>.ics are 404', async () => {
    slack = await startHttpHarness();
    expect((await fetch(`${slack.baseUrl}/calendar.ics`)).status).toBe(404);
    expect((await fetch(`${slack.baseUrl}/calendar/${TOKEN}.ics`)).status).toBe(404);
    expect(slack.logs.join('\n')).toContain('calendar feed off');
  });

  it('GIVEN CALENDAR_TOKEN unset, empty, strong or weak THEN off, off, on, or refused naming the variable but not the value', () => {
    expect(parseCalendarToken({})).toEqual({ ok: true, value: undefined });
    expect(parseCalendarToken({ CALENDAR_TOKEN: '' })).toEqual({ ok: true, value: undefined });
    expect(parseCalendarToken({ CALENDAR_TOKEN: TOKEN })).toEqual({ ok: true, value: TOKEN });
    expect(parseCalendarToken({ CALENDAR_TOKEN: 'secret' })).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^CALENDAR_TOKEN (?!.*secret)/)],
    });
  });
});
