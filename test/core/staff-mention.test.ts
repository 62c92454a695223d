import { describe, expect, it } from 'vitest';
import { parseStaffId } from '../../src/core/staff-mention.ts';

describe('parseStaffId', () => {
  it('GIVEN a full staff id THEN accepts it on any platform', () => {
    for (const platform of ['shell', 'cli', 'slack', 'discord'] as const) {
      expect(parseStaffId('slack:U0123ABCD', platform)).toEqual({ ok: true, id: 'slack:U0123ABCD' });
      expect(parseStaffId(' discord:role:456 ', platform)).toEqual({ ok: true, id: 'discord:role:456' });
      expect(parseStaffId('discord:user:123', platform)).toEqual({ ok: true, id: 'discord:user:123' });
    }
  });

  it('GIVEN a Slack mention with or without a label THEN reads the user id', () => {
    expect(parseStaffId('<@U0123ABCD|ana>', 'slack')).toEqual({ ok: true, id: 'slack:U0123ABCD' });
    expect(parseStaffId('<@W0123ABCD>', 'slack')).toEqual({ ok: true, id: 'slack:W0123ABCD' });
    expect(parseStaffId('@U0123ABCD', 'slack')).toEqual({ ok: true, id: 'slack:U0123ABCD' });
  });

  it('GIVEN Discord user and role mentions THEN tells a user from a role', () => {
    expect(parseStaffId('<@123456>', 'discord')).toEqual({ ok: true, id: 'discord:user:123456' });
    expect(parseStaffId('<@!123456>', 'discord')).toEqual({ ok: true, id: 'discord:user:123456' });
    expect(parseStaffId('<@&789>', 'discord')).toEqual({ ok: true, id: 'discord:role:789' });
  });

  it('GIVEN a mention in the other platform’s form THEN refuses it rather than guessing', () => {
    expect(parseStaffId('<@123456>', 'slack').ok).toBe(false);
    expect(parseStaffId('<@U0123ABCD>', 'discord').ok).toBe(false);
    expect(parseStaffId('<@U0123ABCD>', 'shell').ok).toBe(false);
  });

  it('GIVEN a display name THEN refuses, saying how to name a person or role', () => {
    const result = parseStaffId('@ana', 'slack');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('"@ana" is not a person or role I can add');
      expect(result.message).toContain('discord:role');
    }
  });
});
