import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { parseToday } from '../../src/cli/today.ts';

const zone = process.env.TZ;

afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('parseToday without --today', () => {
  it('GIVEN the system time zone is 14 hours ahead of UTC, then 11 behind THEN today is the date there, as Temporal reads it', () => {
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      process.env.TZ = tz;
      const expected = Temporal.Now.plainDateISO();
      const today = parseToday(undefined);
      // The day may turn between the two readings; read again once if it did.
      expect(today.equals(expected) || today.equals(Temporal.Now.plainDateISO()), tz).toBe(true);
    }
  });

  it('GIVEN TZ set but empty THEN today is the date in UTC, not an error', () => {
    process.env.TZ = '';
    const utc = new Date().toISOString().slice(0, 10);
    expect([utc, new Date().toISOString().slice(0, 10)]).toContain(parseToday(undefined).toString());
  });
});
