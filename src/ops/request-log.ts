import type { HandledRequest } from '../core/dispatcher.ts';
import type { Logger } from '../core/logger.ts';

/**
 * The one line per request: at info the facts; at debug, as a debug line, also what was asked, which
 * is message text and so never above debug. The local shell's own questions are debug only: its
 * operator reads the answers in the same terminal.
 */
export function logRequest(log: Logger, request: HandledRequest): void {
  const fields = {
    platform: request.platform,
    command: request.command,
    outcome: request.outcome,
    ms: Math.round(request.ms * 100) / 100,
  };
  const message = `request: ${request.platform} ${request.command} ${request.outcome}`;
  if (log.enabled('debug')) log.debug(message, { ...fields, text: request.text });
  else if (request.platform !== 'shell') log.info(message, fields);
}
