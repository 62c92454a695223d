import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { orderCities, partnershipId } from '../../src/domain/partnership.ts';
import type { Delivery } from '../../src/reminders/delivery.ts';
import { openLedger } from '../../src/reminders/ledger.ts';
import { ReminderScheduler } from '../../src/reminders/scheduler.ts';
import { renderPlain } from '../../src/render/plain.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { smallStore, storeFrom } from '../fixtures/knowledge-base.ts';

const TARGET = 'slack:T1:C1';

/** One target posting 30 and 7 days ahead and on the day (Le Mans – Paderborn: 3 June 1967). */
function withTarget(lang?: string): StoreInput {
  return {
    ...smallStore(),
    reminders: { targets: [{ id: TARGET, timeZone: 'UTC', ...(lang && { lang }) }] },
  } as StoreInput;
}

/** A delivery that keeps what it is given, as a platform would post it. */
function recorder() {
  const posted: Reply[] = [];
  const delivery: Delivery = {
    deliver: async (_target, message) => {
      posted.push(message);
      return { ok: true };
    },
  };
  return { posted, delivery };
}

/** The seed with a second partnership signed on 3 June 1967, so that day has two reminders. */
function twoOnOneDay(): StoreInput {
  const data = withTarget();
  return {
    ...data,
    partnerships: [
      ...data.partnerships,
      {
        id: partnershipId('prague-cz', 'paderborn-de'),
        cities: orderCities('prague-cz', 'paderborn-de'),
        type: 'twin_town',
        milestones: [{ kind: 'signing', date: '1967-06-03' }],
      },
    ],
  } as StoreInput;
}

describe('reminders in the target’s language', () => {
  it('GIVEN a target set to Czech THEN its reminder is posted in Czech, with the date in Czech', async () => {
    const store = await storeFrom(withTarget('cs'));
    const { posted, delivery } = recorder();
    const scheduler = new ReminderScheduler(store, await openLedger(store.path), { slack: delivery });
    await scheduler.tick(Temporal.Instant.from('2027-05-27T09:00:00Z'));
    expect(posted).toHaveLength(1);
    expect(posted[0]?.lang).toBe('cs');
    const text = renderPlain(posted[0] as Reply);
    expect(text).toContain('60. výročí partnerství měst Le Mans – Paderborn');
    expect(text).toContain('60. výročí bude za 7 dní, 3. června 2027.');
    await store.close();
  });

  it('GIVEN a reminder was posted in English and the target then switched to French THEN the same reminder is not posted again', async () => {
    const store = await storeFrom(withTarget());
    const ledger = await openLedger(store.path);
    const { posted, delivery } = recorder();
    await new ReminderScheduler(store, ledger, { slack: delivery }).tick(
      Temporal.Instant.from('2027-06-03T09:00:00Z'),
    );
    expect(posted.map((m) => m.lang ?? 'en')).toEqual(['en']);
    await store.update((draft) => {
      const target = draft.reminders.targets[0];
      if (target) target.lang = 'fr';
      draft.settings.languages = { 'slack:T1': 'de' };
      return { result: undefined };
    });
    // A new scheduler, as after a restart, on the same day and the next: the ledger alone decides.
    const again = new ReminderScheduler(store, ledger, { slack: delivery });
    await again.tick(Temporal.Instant.from('2027-06-03T12:00:00Z'));
    await again.tick(Temporal.Instant.from('2027-06-04T12:00:00Z'));
    expect(posted).toHaveLength(1);
    expect(ledger.data.entries.filter((e) => e.partnership === 'le-mans-fr--paderborn-de')).toHaveLength(1);
    await store.close();
  });

  it('GIVEN one of a day’s two reminders posted, the other refused for now, and the language then changed THEN the retry posts only the other, in the new language', async () => {
    const store = await storeFrom(twoOnOneDay());
    const ledger = await openLedger(store.path);
    const posted: Reply[] = [];
    let refuse = true;
    const delivery: Delivery = {
      deliver: async (_target, message) => {
        if (posted.length === 1 && refuse) {
          refuse = false;
          return { ok: false, reason: 'rate_limited', detail: 'slow down' };
        }
        posted.push(message);
        return { ok: true };
      },
    };
    const scheduler = new ReminderScheduler(store, ledger, { slack: delivery });
    await scheduler.tick(Temporal.Instant.from('2027-06-03T09:00:00Z'));
    expect(posted).toHaveLength(1);
    await store.update((draft) => {
      const target = draft.reminders.targets[0];
      if (target) target.lang = 'de';
      return { result: undefined };
    });
    await scheduler.tick(Temporal.Instant.from('2027-06-03T09:01:00Z'));
    await scheduler.tick(Temporal.Instant.from('2027-06-03T09:02:00Z'));
    expect(posted.map((m) => m.lang ?? 'en')).toEqual(['en', 'de']);
    expect(ledger.data.entries.filter((e) => e.due === '2027-06-03').map((e) => e.state)).toEqual([
      'sent',
      'sent',
    ]);
    await store.close();
  });

  it('GIVEN a reminder missed while the language changed THEN the catch-up posts it once, in the new language', async () => {
    const store = await storeFrom(withTarget());
    const ledger = await openLedger(store.path);
    const { posted, delivery } = recorder();
    const scheduler = new ReminderScheduler(store, ledger, { slack: delivery });
    await scheduler.tick(Temporal.Instant.from('2027-06-02T09:00:00Z'));
    await store.update((draft) => {
      draft.settings.languages = { 'slack:T1': 'ja' };
      return { result: undefined };
    });
    await scheduler.tick(Temporal.Instant.from('2027-06-04T09:00:00Z'));
    await scheduler.tick(Temporal.Instant.from('2027-06-04T10:00:00Z'));
    expect(posted).toHaveLength(1);
    expect(renderPlain(posted[0] as Reply)).toContain('本日が60周年です。');
    await store.close();
  });
});
