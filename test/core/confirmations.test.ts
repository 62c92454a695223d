import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { Confirmations, confirmedCommandText } from '../../src/core/confirmations.ts';
import { findCommand, type Invocation, parseCommandText } from '../../src/core/parse-command.ts';
import { Catalog } from '../../src/store/catalog.ts';
import { StoreSchema } from '../../src/store/schema.ts';
import { smallStore } from '../fixtures/knowledge-base.ts';

const MINUTE = 60_000;
const removal: Invocation = { command: 'remove', args: { city: 'prague', with: 'shanghai' } };

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('Confirmations', () => {
  it('GIVEN a pending change THEN the asker can take it once; a second time it is gone', () => {
    const pending = new Confirmations();
    const token = pending.ask(removal, 'slack:UOFFICE');
    expect(pending.take(token, 'slack:UOFFICE')).toEqual({ ok: true, invocation: removal });
    expect(pending.take(token, 'slack:UOFFICE')).toEqual({ ok: false, reason: 'gone' });
  });

  it('GIVEN someone other than the asker THEN refuses them, and the asker can still confirm', () => {
    const pending = new Confirmations();
    const token = pending.ask(removal, 'slack:UOFFICE');
    expect(pending.take(token, 'slack:UOTHER')).toEqual({ ok: false, reason: 'not-yours' });
    expect(pending.take(token, 'slack:UOFFICE')).toMatchObject({ ok: true });
  });

  it('GIVEN 15 minutes passed THEN the confirmation has expired; just before, it still holds', () => {
    const early = clock();
    const kept = new Confirmations(early.now);
    const keptToken = kept.ask(removal, 'shell:tester');
    early.advance(15 * MINUTE - 1);
    expect(kept.take(keptToken, 'shell:tester')).toMatchObject({ ok: true });

    const late = clock();
    const expired = new Confirmations(late.now);
    const expiredToken = expired.ask(removal, 'shell:tester');
    late.advance(15 * MINUTE);
    expect(expired.take(expiredToken, 'shell:tester')).toEqual({ ok: false, reason: 'gone' });
  });

  it('GIVEN a token nobody issued THEN it is gone', () => {
    expect(new Confirmations().take('made-up', 'shell:tester')).toEqual({ ok: false, reason: 'gone' });
  });

  it('GIVEN two questions THEN each gets its own short token that fits a button', () => {
    const pending = new Confirmations();
    const first = pending.ask(removal, 'shell:tester');
    const second = pending.ask(removal, 'shell:tester');
    expect(first).not.toBe(second);
    expect(first.length).toBeLessThanOrEqual(100);
  });

  it('GIVEN more than a thousand pending questions THEN the oldest is forgotten first', () => {
    const pending = new Confirmations();
    const oldest = pending.ask(removal, 'shell:tester');
    const second = pending.ask(removal, 'shell:tester');
    for (let i = 0; i < 999; i += 1) pending.ask(removal, 'shell:tester');
    expect(pending.take(oldest, 'shell:tester')).toEqual({ ok: false, reason: 'gone' });
    expect(pending.take(second, 'shell:tester')).toMatchObject({ ok: true });
  });
});

describe('confirmedCommandText', () => {
  const catalog = new Catalog(StoreSchema.parse(smallStore()));

  it('GIVEN a record invocation THEN writes a line that parses back to the same change, confirmed', () => {
    const command = findCommand(commands, 'record');
    if (!command) throw new Error('no record command');
    const invocation: Invocation = {
      command: 'record',
      args: {
        city: 'san francisco',
        with: 'osaka',
        milestone: 'termination',
        date: '2008',
        by: 'osaka',
        reason: 'agreed by nobody',
        source: 'https://a.example/b',
      },
    };
    const text = confirmedCommandText(command, invocation);
    expect(text).toBe(
      'record san francisco / osaka termination 2008 by osaka reason agreed by nobody source https://a.example/b --yes',
    );
    expect(parseCommandText(text, commands, catalog)).toEqual({
      ok: true,
      invocation: { ...invocation, confirmed: true },
    });
  });

  it('GIVEN a remove of two cities by id (as Discord sends) THEN the line has both ids, a slash and --yes', () => {
    const command = findCommand(commands, 'remove');
    if (!command) throw new Error('no remove command');
    const text = confirmedCommandText(command, {
      command: 'remove',
      args: { city: 'prague-cz', with: 'shanghai-cn' },
    });
    expect(text).toBe('remove prague-cz / shanghai-cn --yes');
  });
});
