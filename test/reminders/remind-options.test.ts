import { describe, expect, it } from 'vitest';
import { parseRemindOptions } from '../../src/reminders/remind-options.ts';

describe('parseRemindOptions', () => {
  it('GIVEN every option THEN reads leads (deduplicated, largest first), time, zone and city', () => {
    expect(parseRemindOptions('leads 7,30,0,7 at 9:30 tz Asia/Kolkata for San Francisco')).toEqual({
      ok: true,
      options: { leads: [30, 7, 0], postAt: '09:30', timeZone: 'Asia/Kolkata', scope: 'San Francisco' },
    });
  });

  it('GIVEN nothing THEN asks for nothing: every setting keeps its default', () => {
    expect(parseRemindOptions('')).toEqual({ ok: true, options: {} });
  });

  it.each([
    ['leads 30,x', 'Leads are days'],
    ['leads 400', 'Leads are days'],
    ['at 25:00', 'HH:MM'],
    ['tz Mars/Olympus', 'not an IANA time zone'],
    ['at', 'needs a value'],
    ['every day', 'I don\'t know "every"'],
    ['for', 'after `for`'],
  ])('GIVEN "%s" THEN refuses with a message that says what to write (%s)', (text, message) => {
    const result = parseRemindOptions(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
