import { renderPlain } from '../render/plain.ts';
import type { Delivery } from './delivery.ts';

/** Reminders for the `console` target: printed in the terminal of the local shell. */
export function consoleDelivery(output: NodeJS.WritableStream): Delivery {
  return {
    deliver: async (_targetId, message) => {
      output.write(`\n[reminder]\n${renderPlain(message)}\n\n`);
      return { ok: true };
    },
  };
}
