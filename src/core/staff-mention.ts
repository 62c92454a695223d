import type { Platform } from '../domain/audit.ts';
import { type StaffId, StaffIdSchema } from '../domain/settings.ts';
import { type Translator, translator } from '../i18n/translator.ts';

export type StaffIdResult = { ok: true; id: StaffId } | { ok: false; message: string };

/**
 * A staff entry as typed in chat: a full id (`slack:U123`, `discord:role:456`), or a mention in the
 * platform's own form (`<@U123|ana>` on Slack; `<@123>` or `<@&456>` for a role on Discord).
 */
export function parseStaffId(
  text: string,
  platform: Platform,
  tr: Translator = translator('en'),
): StaffIdResult {
  const trimmed = text.trim();
  const full = StaffIdSchema.safeParse(trimmed);
  if (full.success) return { ok: true, id: full.data };
  if (platform === 'slack') {
    const slack = /^<?@?([UW][A-Z0-9]{2,})(?:\|[^>]*)?>?$/.exec(trimmed);
    if (slack) return { ok: true, id: `slack:${slack[1]}` };
  }
  if (platform === 'discord') {
    const role = /^<@&(\d+)>$/.exec(trimmed);
    if (role) return { ok: true, id: `discord:role:${role[1]}` };
    const user = /^<@!?(\d+)>$/.exec(trimmed);
    if (user) return { ok: true, id: `discord:user:${user[1]}` };
  }
  return {
    ok: false,
    message: tr.t('dispatch.staffIdUnknown', { text: trimmed, ids: tr.t('dispatch.staffIdForms') }),
  };
}
