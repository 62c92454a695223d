import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PathRoute } from '../adapters/calendar-feed.ts';
import { ConfigError, mistakes, ok, type Parsed } from '../config-result.ts';
import type { Logger } from '../core/logger.ts';

export interface OpsSettings {
  port: number;
  /** Unset: every interface, so a container's health check and a load balancer reach it. */
  host?: string;
}

/**
 * `HEALTH_PORT` (and `HEALTH_HOST`): where the health endpoints and the calendar feed are served, in
 * every mode. Unset, they are off: a laptop running the local shell opens no port, and two bots on
 * one machine do not collide; the container image and the unit example set it.
 */
export function parseOpsSettings(env: NodeJS.ProcessEnv): Parsed<OpsSettings | undefined> {
  const port = env.HEALTH_PORT;
  if (port === undefined || port === '') return ok(undefined);
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65_535) {
    return mistakes('HEALTH_PORT must be a port number (0 to 65535), for example 8080');
  }
  const host = env.HEALTH_HOST;
  return ok({ port: Number(port), ...(host !== undefined && host !== '' && { host }) });
}

export interface OpsServer {
  readonly port: number;
  stop(): Promise<void>;
}

/** A plain node:http server answering GET and HEAD on the given routes; any other path gets 404. */
export async function startOpsServer(
  settings: OpsSettings,
  routes: readonly PathRoute[],
  log: Logger,
): Promise<OpsServer> {
  const server = createServer((req, res) => {
    req.resume();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    try {
      if (!routes.some((route) => route(path, res))) res.writeHead(404).end();
    } catch (error) {
      log.error(`health server: a request failed: ${(error as Error).message}`);
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await listen(server, settings);
  server.on('error', (error) => log.error(`health server: ${error.message}`));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, settings: OpsSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL'
          ? new ConfigError(
              `HEALTH_PORT ${settings.port}${settings.host ? ` on HEALTH_HOST ${settings.host}` : ''} cannot be used (${error.code}): choose another.`,
            )
          : error,
      );
    });
    server.listen(settings.port, settings.host, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
}
