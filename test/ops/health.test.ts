import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarFeed } from '../../src/adapters/calendar-feed.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { HealthChecks, healthRoute, reminderTicks, storeReadable } from '../../src/ops/health.ts';
import { type OpsServer, parseOpsSettings, startOpsServer } from '../../src/ops/ops-server.ts';
import { tempDir } from '../fixtures/knowledge-base.ts';

const TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function serve(checks: HealthChecks): Promise<string> {
  server = await startOpsServer(
    { port: 0, host: '127.0.0.1' },
    [healthRoute(checks, silentLogger), calendarFeed(TOKEN, async () => 'BEGIN:VCALENDAR', silentLogger)],
    silentLogger,
  );
  return `http://127.0.0.1:${server.port}`;
}

describe('the health endpoints', () => {
  it('GIVEN every part working THEN /readyz and /healthz answer 200 with each check, /livez 200', async () => {
    const checks = new HealthChecks(['discord']);
    checks.set('discord', () => ({ ok: true, detail: 'gateway ready' }));
    const url = await serve(checks);
    for (const path of ['/readyz', '/healthz']) {
      const res = await fetch(url + path);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        ok: true,
        checks: { discord: { ok: true, detail: 'gateway ready' } },
      });
    }
    expect((await fetch(`${url}/livez`)).status).toBe(200);
    expect((await fetch(`${url}/nothing`)).status).toBe(404);
  });

  it('GIVEN a reminder tick 2 min 1 s ago by the clock THEN 503 naming reminders; 2 min ago THEN 200', async () => {
    const lastTick = new Date('2026-03-29T01:00:00Z');
    let now = new Date('2026-03-29T01:02:01Z');
    const checks = new HealthChecks([]);
    checks.set(
      'reminders',
      reminderTicks(
        () => lastTick,
        () => now,
      ),
    );
    const url = await serve(checks);
    const stale = await fetch(`${url}/readyz`);
    expect(stale.status).toBe(503);
    const body = (await stale.json()) as { failing: string[]; checks: { reminders: { detail: string } } };
    expect(body.failing).toEqual(['reminders']);
    expect(body.checks.reminders.detail).toContain('121 s ago');
    expect((await fetch(`${url}/livez`)).status).toBe(200);
    now = new Date('2026-03-29T01:02:00Z');
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('GIVEN a platform not started yet THEN it reports starting and readiness is 503', async () => {
    const url = await serve(new HealthChecks(['slack']));
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      ok: false,
      checks: { slack: { ok: false, detail: 'starting' } },
      failing: ['slack'],
    });
  });

  it('GIVEN the store file removed THEN the store check fails with the reason, not the path', async () => {
    const path = join(await tempDir(), 'twinning.json');
    await writeFile(path, '{}');
    const check = storeReadable(path);
    expect(await check()).toEqual({ ok: true, detail: 'readable' });
    await rm(path);
    const failed = await check();
    expect(failed).toEqual({ ok: false, detail: 'cannot be read (ENOENT)' });
  });

  it('GIVEN CALENDAR_TOKEN THEN the same server serves the feed at its token address only', async () => {
    const url = await serve(new HealthChecks([]));
    const feed = await fetch(`${url}/calendar/${TOKEN}.ics`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toBe('BEGIN:VCALENDAR');
    expect((await fetch(`${url}/calendar/${TOKEN.slice(1)}0.ics`)).status).toBe(404);
    expect((await fetch(`${url}/readyz`, { method: 'POST' })).status).toBe(405);
  });
});

describe('HEALTH_PORT and HEALTH_HOST', () => {
  it('GIVEN nothing set THEN the server is off; GIVEN a port THEN every interface unless HEALTH_HOST', () => {
    expect(parseOpsSettings({})).toEqual({ ok: true, value: undefined });
    expect(parseOpsSettings({ HEALTH_PORT: '' })).toEqual({ ok: true, value: undefined });
    expect(parseOpsSettings({ HEALTH_PORT: '8080' })).toEqual({ ok: true, value: { port: 8080 } });
    expect(parseOpsSettings({ HEALTH_PORT: '8080', HEALTH_HOST: '127.0.0.1' })).toEqual({
      ok: true,
      value: { port: 8080, host: '127.0.0.1' },
    });
  });

  it('GIVEN a port that is not a number THEN the error names HEALTH_PORT', () => {
    for (const port of ['eighty', '70000']) {
      expect(parseOpsSettings({ HEALTH_PORT: port })).toEqual({
        ok: false,
        problems: [expect.stringMatching(/^HEALTH_PORT must be a port number/)],
      });
    }
  });

  it('GIVEN HEALTH_PORT already in use THEN start-up fails naming HEALTH_PORT', async () => {
    const url = await serve(new HealthChecks([]));
    const port = Number(new URL(url).port);
    await expect(startOpsServer({ port, host: '127.0.0.1' }, [], silentLogger)).rejects.toThrow(
      /HEALTH_PORT \d+ on HEALTH_HOST 127.0.0.1 cannot be used \(EADDRINUSE\)/,
    );
  });
});
