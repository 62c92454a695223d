import { translator } from '../i18n/translator.ts';
import { renderPlain } from '../render/plain.ts';
import type { Delivery } from './delivery.ts';

/** Reminders for the `console` target: printed in the terminal of the local shell, tagged in their language. */
export function consoleDelivery(output: NodeJS.WritableStream): Delivery {
  return {
    deliver: async (_targetId, message) => {
      const tag = translator(message.lang ?? 'en').t('remind.consoleTag');
      output.write(`\n[${tag}]\n${renderPlain(message)}\n\n`);
      return { ok: true };
    },
  };
}
