import { type ArgSpec, type Command, defineCommand, usage } from '../src/core/command.ts';
import { leadingCommand } from '../src/core/parse-command.ts';
import { answer, problem, type Row, type Section } from '../src/core/reply.ts';
import { argDescription, commandSummary } from '../src/i18n/command-text.ts';
import { formatList, type Translator } from '../src/i18n/translator.ts';
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
        sections: [
          { rows: ctx.commands.filter((c) => c.permission === 'everyone').map((c) => row(tr, c)) },
          {
            heading: tr.t('help.staffHeading'),
            rows: ctx.commands.filter((c) => c.permission === 'staff').map((c) => row(tr, c)),
          },
          ...worldSources(tr, ctx.catalog),
        ],
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
