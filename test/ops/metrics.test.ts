import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BotMetrics } from '../../src/ops/metrics.ts';
import { type OpsServer, startOpsServer } from '../../src/ops/ops-server.ts';
import { capturedLog } from '../fixtures/captured-log.ts';
import { handledRequest } from '../fixtures/handled-request.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** BotMetrics served by the real ops server on 127.0.0.1; returns the /metrics text getter. */
async function served(metrics: BotMetrics): Promise<() => Promise<Response>> {
  const { log } = capturedLog('info');
  server = await startOpsServer({ port: 0, host: '127.0.0.1' }, [metrics.route(log)], log);
  const url = `http://127.0.0.1:${server.port}/metrics`;
  return () => fetch(url);
}

/** The value of one sample line, e.g. `twinbot_requests_total{platform="slack",...}`. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('GET /metrics', () => {
  it('GIVEN requests, reminders and a store file THEN counts them in Prometheus text format, with the process metrics', async () => {
    const storePath = join(await tempDir(), 'twinning.json');
    await writeFile(storePath, '{"version":1,"cities":[]}');
    const metrics = new BotMetrics(storePath);
    metrics.request(handledRequest({}));
    metrics.request(handledRequest({ ms: 30 }));
    metrics.request(handledRequest({ platform: 'discord', command: 'home', outcome: 'refused' }));
    metrics.reminderEvents.posted(false);
    metrics.reminderEvents.posted(true);
    metrics.reminderEvents.missed(3);
    metrics.reminderEvents.unconfirmed(1);
    metrics.watchReminders(() => new Date('2026-12-03T10:00:00Z'));
    const get = await served(metrics);

    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await res.text();
    expect(
      sample(text, 'twinbot_requests_total{platform="slack",command="partners",outcome="answered"}'),
    ).toBe(2);
    expect(sample(text, 'twinbot_requests_total{platform="discord",command="home",outcome="refused"}')).toBe(
      1,
    );
    expect(sample(text, 'twinbot_request_duration_seconds_count{platform="slack",command="partners"}')).toBe(
      2,
    );
    expect(
      sample(text, 'twinbot_request_duration_seconds_bucket{le="0.001",platform="slack",command="partners"}'),
    ).toBe(1);
    expect(sample(text, 'twinbot_reminders_total{outcome="sent"}')).toBe(1);
    expect(sample(text, 'twinbot_reminders_total{outcome="late"}')).toBe(1);
    expect(sample(text, 'twinbot_reminders_total{outcome="missed"}')).toBe(3);
    expect(sample(text, 'twinbot_reminders_total{outcome="unconfirmed"}')).toBe(1);
    expect(sample(text, 'twinbot_store_size_bytes')).toBe((await stat(storePath)).size);
    expect(sample(text, 'twinbot_reminder_last_tick_timestamp_seconds')).toBe(
      Date.parse('2026-12-03T10:00:00Z') / 1000,
    );
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).not.toContain('partners prague');

    // The store grows: the gauge follows at the next scrape.
    await writeFile(storePath, `{"version":1,"cities":[],"notes":"${'x'.repeat(100)}"}`);
    expect(sample(await (await get()).text(), 'twinbot_store_size_bytes')).toBe((await stat(storePath)).size);
  });

  it('GIVEN two bots in one process THEN each counts only its own requests (private registries)', async () => {
    const path = join(await tempDir(), 'twinning.json');
    await writeFile(path, '{}');
    const first = new BotMetrics(path);
    const second = new BotMetrics(path);
    first.request(handledRequest({}));
    const text = await (await served(second))().then((res) => res.text());
    expect(text).toContain('# TYPE twinbot_requests_total counter');
    expect(text).not.toContain('twinbot_requests_total{');
  });
});
