import { type ArgSpec, type Command, defineCommand, usage } from '../src/core/command.ts';
import { leadingCommand } from '../src/core/parse-command.ts';
import { answer, problem, type Row, type Section } from '../src/core/reply.ts';
import { argDescription, commandSummary } from '../src/i18n/command-text.ts';
import { catalogEdition, formatList, type Translator } from '../src/i18n/translator.ts';
import type { Catalog } from '../src/store/catalog.ts';

export const help = defineCommand({
  name: 'help',
  args: [{ name: 'command', kind: 'text', required: false }],
  examples: ['help', 'help anniversaries'],
  permission: 'everyone',
  handler: (ctx, { command: name }) => {
    const { tr } = ctx;
    if (name === undefined) {
      return answer({
        title: tr.t('help.title'),
        text: tr.t('help.intro'),
        sections: [...listing(tr, ctx.commands), ...worldSources(tr, ctx.catalog)],
        ephemeral: true,
      });
    }
    const command = leadingCommand(ctx.commands, name.trim().split(/\s+/));
    if (!command) return problem(tr.t('help.unknown', { name }));
    return answer({
      title: usage(command, tr),
      text: summaryOf(tr, command),
      fields: command.args.map((arg) => ({ label: arg.name, value: argText(tr, arg) })),
      sections: [
        {
          heading: tr.t('help.examples'),
          rows: command.examples.map((example) => ({ text: [{ command: example }] })),
        },
      ],
      ephemeral: true,
    });
  },
});

/** The listing kept per translator and command list, with the catalog edition it was made under. */
const listings = new WeakMap<
  Translator,
  WeakMap<readonly Command[], { edition: number; sections: Section[] }>
>();

/**
 * Every command with its usage and summary: the same for every reader of a language, and the whole
 * answer to a question nothing else answers, so it is made once per language (1-1.4 ms each time
 * otherwise), and again after a catalog is registered or someone starts listening for English
 * fallbacks (see catalogEdition).
 */
function listing(tr: Translator, commands: readonly Command[]): Section[] {
  const kept = listings.get(tr)?.get(commands);
  if (kept && kept.edition === catalogEdition()) return kept.sections;
  const sections: Section[] = [
    { rows: commands.filter((c) => c.permission === 'everyone').map((c) => row(tr, c)) },
    {
      heading: tr.t('help.staffHeading'),
      rows: commands.filter((c) => c.permission === 'staff').map((c) => row(tr, c)),
    },
  ];
  let byCommands = listings.get(tr);
  if (!byCommands) {
    byCommands = new WeakMap();
    listings.set(tr, byCommands);
  }
  byCommands.set(commands, { edition: catalogEdition(), sections });
  return sections;
}

/** Where the world layer's cities and listed pairs come from, with the licences they are used under. */
function worldSources(tr: Translator, catalog: Catalog): Section[] {
  const sources = catalog.world?.sources ?? [];
  if (sources.length === 0) return [];
  return [
    {
      heading: tr.t('help.worldSources'),
      rows: sources.map((s) => ({
        text: s.title,
        detail: tr.t('help.worldSource', { licence: s.licence, url: s.url }),
      })),
    },
  ];
}

function row(tr: Translator, c: Command): Row {
  return { text: [{ command: usage(c, tr) }], detail: summaryOf(tr, c) };
}

function summaryOf(tr: Translator, command: Command): string {
  const summary = commandSummary(tr, command);
  return command.permission === 'staff' ? tr.t('help.staffOnly', { summary }) : summary;
}

/** An argument's description; a choice's values are typed as they are, so they are shown untranslated. */
function argText(tr: Translator, arg: ArgSpec): string {
  const description = argDescription(tr, arg);
  const described = arg.choices
    ? tr.t('help.choices', { description, choices: formatList(arg.choices, tr.lang, 'disjunction') })
    : description;
  return arg.required ? described : tr.t('help.optional', { description: described });
}
