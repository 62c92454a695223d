import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { burst } from '../../fakes/burst.ts';
import { BUSY_MS, type HttpHarness, SIGNING_SECRET, startHttpHarness } from './harness.ts';

const QUESTIONS = 80;

/**
 * Slack gives up on an acknowledgement after 3 s. Answers used to be worked out before the
 * acknowledgement on the one event loop, so under a burst each ack waited behind every earlier
 * question's work: 80 questions of 25 ms each put the last ack 2 s late, 500 of them past the limit.
 */
describe('Slack /twin under a burst of questions', () => {
  let slack: HttpHarness;
  beforeEach(async () => {
    slack = await startHttpHarness();
  });
  afterEach(async () => {
    await slack.close();
  });

  it(`GIVEN ${QUESTIONS} questions at once that each hold the event loop ${BUSY_MS} ms THEN every ack comes before the work of the others, and every answer follows`, async () => {
    const texts = Array.from({ length: QUESTIONS }, () => 'busy');
    const measured = await burst(Number(new URL(slack.baseUrl).port), SIGNING_SECRET, texts, 'worked hard');
    expect(measured.ok).toBe(QUESTIONS);
    // All the work together takes QUESTIONS x BUSY_MS = 2 s; no ack may wait for most of it.
    expect(measured.ackMax).toBeLessThan((QUESTIONS * BUSY_MS) / 2);
    expect(measured.answered).toBe(QUESTIONS);
  });

  it('GIVEN one question alone THEN its answer comes in the acknowledgement itself', async () => {
    const acked = await slack.ask('busy');
    expect(JSON.stringify(acked.answer)).toContain('worked hard');
    expect(slack.fake.responses(acked.responseId)).toEqual([]);
  });
});
