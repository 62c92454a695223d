import { access, constants } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import type { Health } from '../adapters/adapter.ts';
import type { PathRoute } from '../adapters/calendar-feed.ts';
import type { Logger } from '../core/logger.ts';

/** One named part of the bot; checked on every request, so it must be cheap. */
export type HealthCheck = () => Health | Promise<Health>;

/** The reminder loop ticks every minute: two minutes without a completed tick means it is stuck. */
export const MAX_TICK_AGE_MS = 2 * 60_000;

/**
 * The parts that readiness checks, by name. A part expected but not yet started (a platform still
 * connecting) reports "starting", so the endpoints can serve from the first moment of start-up.
 */
export class HealthChecks {
  private readonly checks = new Map<string, HealthCheck>();

  constructor(expected: readonly string[]) {
    for (const name of expected) this.checks.set(name, () => ({ ok: false, detail: 'starting' }));
  }

  set(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async run(): Promise<{ ok: boolean; checks: Record<string, Health>; failing?: string[] }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, Health]> => {
        try {
          return [name, await check()];
        } catch (error) {
          return [name, { ok: false, detail: `check failed: ${(error as Error).message}` }];
        }
      }),
    );
    const failing = entries.filter(([, health]) => !health.ok).map(([name]) => name);
    const checks = Object.fromEntries(entries);
    return failing.length === 0 ? { ok: true, checks } : { ok: false, checks, failing };
  }
}

/** The store file can still be read (a volume unmounted or a file deleted under the bot fails this). */
export function storeReadable(path: string): HealthCheck {
  return async () => {
    try {
      await access(path, constants.R_OK);
      return { ok: true, detail: 'readable' };
    } catch (error) {
      return { ok: false, detail: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
  };
}

/** The reminder loop completed a tick within MAX_TICK_AGE_MS of `now`. */
export function reminderTicks(lastTickAt: () => Date, now: () => Date = () => new Date()): HealthCheck {
  return () => {
    const ageS = Math.round((now().getTime() - lastTickAt().getTime()) / 1000);
    return ageS * 1000 <= MAX_TICK_AGE_MS
      ? { ok: true, detail: `last tick ${ageS} s ago` }
      : { ok: false, detail: `last tick ${ageS} s ago, more than ${MAX_TICK_AGE_MS / 1000} s` };
  };
}

/**
 * Kubernetes' names: `/livez` answers 200 while the process serves (a liveness probe: restarting
 * does not bring Slack or Discord back), `/readyz` runs every check (a readiness probe, a load
 * balancer), and `/healthz` is the same as `/readyz`, as in Kubernetes, for Docker's HEALTHCHECK and
 * uptime monitors. A failing check gives 503 and is named in `failing`.
 */
export function healthRoute(checks: HealthChecks, log: Logger): PathRoute {
  return (path, res) => {
    if (path === '/livez') {
      json(res, 200, { ok: true });
      return true;
    }
    if (path !== '/readyz' && path !== '/healthz') return false;
    checks.run().then(
      (report) => json(res, report.ok ? 200 : 503, report),
      (error: unknown) => {
        log.error(`health check failed: ${(error as Error).message}`);
        json(res, 500, { ok: false });
      },
    );
    return true;
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
