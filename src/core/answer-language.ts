import type { Settings, WorkspaceId } from '../domain/settings.ts';
import type { Lang } from '../i18n/languages.ts';
import type { Caller } from './caller.ts';

/**
 * Where a language was found, from the most specific to the most general: the person's own (`person`),
 * a reminder target's (`target`), staff's choice for the workspace (`workspace`), the platform's for
 * the workspace (`platform`), staff's choice for the whole store (`store`), or none (English).
 */
export type LanguageSource = 'person' | 'target' | 'workspace' | 'platform' | 'store' | 'default';

export interface ChosenLanguage {
  lang: Lang;
  source: LanguageSource;
}

/**
 * The language for a post where no person's language applies: staff's choice for the workspace, the
 * platform's own for it, staff's choice for the store, else English. A specific source beats a general one.
 */
export function placeLanguage(
  settings: Pick<Settings, 'languages' | 'language'>,
  workspace: WorkspaceId | undefined,
  platformLang: Lang | undefined,
): ChosenLanguage {
  const chosen = workspace === undefined ? undefined : settings.languages?.[workspace];
  if (chosen) return { lang: chosen, source: 'workspace' };
  if (platformLang) return { lang: platformLang, source: 'platform' };
  if (settings.language) return { lang: settings.language, source: 'store' };
  return { lang: 'en', source: 'default' };
}

/**
 * The language to answer a person in: their own, when the platform tells it (a failed look-up tells
 * nothing), else the language of the place they asked in.
 */
export async function answerLanguage(
  caller: Caller,
  settings: Pick<Settings, 'languages' | 'language'>,
): Promise<ChosenLanguage> {
  const own = caller.lang ?? (await caller.lookUpLang?.());
  if (own) return { lang: own, source: 'person' };
  return placeLanguage(settings, caller.workspace, caller.workspaceLang);
}

/** The workspace of a reminder target id (`slack:T1:C1` -> `slack:T1`); none for the console. */
export function workspaceOfTarget(targetId: string): WorkspaceId | undefined {
  const [platform, workspace] = targetId.split(':');
  return (platform === 'slack' || platform === 'discord') && workspace
    ? `${platform}:${workspace}`
    : undefined;
}

/**
 * The language a reminder target's posts are in: its own (`remind here lang fr`), else its place's
 * (see placeLanguage). Only the words change with it: what was posted is keyed without it.
 */
export function targetLanguage(
  target: { id: string; lang?: Lang | undefined },
  settings: Pick<Settings, 'languages' | 'language'>,
  platformLang: Lang | undefined,
): ChosenLanguage {
  if (target.lang) return { lang: target.lang, source: 'target' };
  return placeLanguage(settings, workspaceOfTarget(target.id), platformLang);
}
