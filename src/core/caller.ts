import type { Platform } from '../domain/audit.ts';
import type { StaffId, WorkspaceId } from '../domain/settings.ts';
import type { Lang } from '../i18n/languages.ts';
import type { Editor } from '../store/store.ts';

/** Who is asking, as the adapter established it. */
export interface Caller {
  platform: Platform;
  userId: string;
  /** Discord role ids held in the guild where the question was asked. */
  roleIds?: readonly string[];
  displayName?: string;
  /** The person's own language, as the adapter learned it: `--lang` or LANG, the Discord interaction's locale. */
  lang?: Lang;
  /** Asks the platform for the person's language when it does not come with the request (Slack); cached by the adapter. */
  lookUpLang?: () => Promise<Lang | undefined>;
  /** The Slack workspace or Discord server asked in, whose staff language setting applies. */
  workspace?: WorkspaceId;
  /** That workspace's own language, as the platform states it (Discord's `guild_locale`). */
  workspaceLang?: Lang;
  /** Where the question was asked, as a reminder target id: slack:<team>:<channel>, discord:<guild>:<channel> or console. */
  channel?: string;
  /** Asks the platform whether the bot can post in `channel` (reminders need it); the adapter gives it with the channel. */
  canPostHere?: () => Promise<PostCheck>;
}

/**
 * Whether the bot can post in a channel, as its adapter found out: it can; it cannot, with why and
 * what to do about it; or the platform could not be asked (why, and what to do). Adapters never throw
 * for a failed check: they say it could not be made.
 */
export type PostCheck =
  | { canPost: true }
  | { canPost: false; why: CatalogText; fix: CatalogText }
  | { canPost: 'unknown'; why: CatalogText; fix: CatalogText };

/** A sentence of the catalogs by its key (and values): adapters name it, the handler words it for its reader. */
export interface CatalogText {
  key: string;
  values?: Record<string, string>;
}

/**
 * Deny by default: only callers on the store's staff list are staff. The local shell and CLI operator
 * is staff, because whoever runs the process already owns the store file.
 */
export function isStaff(caller: Caller, staff: readonly StaffId[]): boolean {
  switch (caller.platform) {
    case 'shell':
    case 'cli':
      return true;
    case 'slack':
      return staff.includes(`slack:${caller.userId}`);
    case 'discord':
      return (
        staff.includes(`discord:user:${caller.userId}`) ||
        (caller.roleIds ?? []).some((role) => staff.includes(`discord:role:${role}`))
      );
  }
}

/** How the caller is named in the audit log. */
export function actorId(caller: Caller): string {
  return caller.platform === 'shell' || caller.platform === 'cli'
    ? `${caller.platform}:${caller.userId}`
    : caller.platform === 'slack'
      ? `slack:${caller.userId}`
      : `discord:user:${caller.userId}`;
}

/** The caller as the author of a change. */
export function editorOf(caller: Caller): Editor {
  return { actor: actorId(caller), platform: caller.platform };
}
