import { answerLanguage, type ChosenLanguage, placeLanguage } from '../src/core/answer-language.ts';
import { type Caller, editorOf } from '../src/core/caller.ts';
import { type CommandContext, defineCommand } from '../src/core/command.ts';
import { answer, problem, type Reply } from '../src/core/reply.ts';
import type { WorkspaceId } from '../src/domain/settings.ts';
import { languageName } from '../src/i18n/language-name.ts';
import { LANGS, type Lang, langOfTag } from '../src/i18n/languages.ts';
import type { Translator } from '../src/i18n/translator.ts';

/** Words that clear the setting, so the platform's language (or English) applies again. */
const CLEAR = new Set(['default', 'off', 'none']);

export const language = defineCommand({
  name: 'language',
  args: [
    {
      name: 'lang',
      kind: 'text',
      required: false,
      maxLength: 20,
    },
  ],
  examples: ['language', 'language de', 'language default'],
  permission: 'staff',
  handler: (ctx, { lang }) => {
    const word = lang?.trim().toLowerCase();
    if (word === undefined || word === '') return current(ctx);
    const chosen = CLEAR.has(word) ? undefined : langOfTag(word);
    if (!CLEAR.has(word) && chosen === undefined) {
      const names = LANGS.map((l) => `${l} (${languageName(l, ctx.tr.lang)})`);
      return problem(ctx.tr.t('language.unknown', { value: lang?.trim() ?? '', langs: names.join(', ') }));
    }
    return choose(ctx, chosen);
  },
});

/**
 * Where the setting applies: the workspace or server asked in; at the terminal, the whole store. A
 * direct message on a platform names no workspace, so nothing is set from one.
 */
function scopeOf(caller: Caller): WorkspaceId | 'store' | undefined {
  if (caller.workspace) return caller.workspace;
  return caller.platform === 'shell' || caller.platform === 'cli' ? 'store' : undefined;
}

async function choose(ctx: CommandContext, chosen: Lang | undefined): Promise<Reply> {
  const { tr } = ctx;
  const scope = scopeOf(ctx.caller);
  if (scope === undefined) return problem(tr.t('language.noWorkspace'));
  const setting = scope === 'store' ? 'language' : 'languages';
  await ctx.store.edit(editorOf(ctx.caller), (draft) => {
    const settings = draft.settings;
    const before = scope === 'store' ? settings.language : settings.languages?.[scope];
    if (before === chosen) return { unchanged: true, result: undefined };
    if (scope === 'store') {
      if (chosen) settings.language = chosen;
      else delete settings.language;
    } else {
      const { [scope]: _, ...others } = settings.languages ?? {};
      const languages = chosen ? { ...others, [scope]: chosen } : others;
      if (Object.keys(languages).length > 0) settings.languages = languages;
      else delete settings.languages;
    }
    const where = scope === 'store' ? 'the whole store' : scope;
    return {
      action: 'language',
      summary: chosen ? `Set the language of ${where} to ${chosen}` : `Cleared the language of ${where}`,
      change: { key: 'language', values: { scope, ...(chosen && { lang: chosen }) } },
      target: scope,
      touched: [{ record: 'setting', id: setting }],
      result: undefined,
    };
  });
  const key = `language.${scope === 'store' ? 'store' : 'workspace'}${chosen ? 'Set' : 'Cleared'}`;
  return answer({ text: tr.t(key, chosen ? { language: languageName(chosen, tr.lang) } : {}) });
}

/** `language` alone: the language of answers to the asker and of posts here, each with where it comes from. */
async function current(ctx: CommandContext): Promise<Reply> {
  const { tr, caller } = ctx;
  const settings = ctx.catalog.data.settings;
  const yours = await answerLanguage(caller, settings);
  const rows = [{ text: tr.t('language.answers', described(yours, caller, tr)) }];
  if (caller.workspace) {
    const here = placeLanguage(settings, caller.workspace, caller.workspaceLang);
    rows.push({ text: tr.t('language.posts', described(here, caller, tr)) });
  } else if (scopeOf(caller) === 'store') {
    const store = placeLanguage(settings, undefined, undefined);
    rows.push({ text: tr.t('language.storeDefault', described(store, caller, tr)) });
  }
  return answer({
    title: tr.t('language.title'),
    sections: [{ rows }],
    footer: tr.t('language.footer'),
    ephemeral: true,
  });
}

function described({ lang, source }: ChosenLanguage, caller: Caller, tr: Translator) {
  const platform = caller.platform === 'discord' ? 'Discord' : caller.platform === 'slack' ? 'Slack' : '';
  const from =
    source === 'person'
      ? platform
        ? tr.t('language.fromPerson', { platform })
        : tr.t('language.fromTerminal')
      : tr.t(`language.from_${source}`, { platform });
  return { language: languageName(lang, tr.lang), from };
}
