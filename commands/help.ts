import { type Command, defineCommand, usage } from '../src/core/command.ts';
import { leadingCommand } from '../src/core/parse-command.ts';
import { answer, problem, type Row, type Section } from '../src/core/reply.ts';
import type { Catalog } from '../src/store/catalog.ts';

export const help = defineCommand({
  name: 'help',
  summary: 'List the commands, or explain one',
  args: [{ name: 'command', kind: 'text', description: 'a command name', required: false }],
  examples: ['help', 'help anniversaries'],
  permission: 'everyone',
  handler: (ctx, { command: name }) => {
    if (name === undefined) {
      return answer({
        title: 'Twinning bot',
        text: 'Ask about partner cities, anniversaries and the status of agreements. Type `help <command>` for more.',
        sections: [
          { rows: ctx.commands.filter((c) => c.permission === 'everyone').map(row) },
          {
            heading: 'For office staff (changes are recorded in `history`; `undo` takes back your last one)',
            rows: ctx.commands.filter((c) => c.permission === 'staff').map(row),
          },
          ...worldSources(ctx.catalog),
        ],
        ephemeral: true,
      });
    }
    const command = leadingCommand(ctx.commands, name.trim().split(/\s+/));
    if (!command) return problem(`There is no command "${name}". Type \`help\` for the list.`);
    return answer({
      title: usage(command),
      text: summaryOf(command.summary, command.permission),
      fields: command.args.map((arg) => ({
        label: arg.name,
        value: `${arg.description}${arg.choices ? `: ${arg.choices.join(', ')}` : ''}${arg.required ? '' : ' (optional)'}`,
      })),
      sections: [
        { heading: 'Examples', rows: command.examples.map((example) => ({ text: [{ command: example }] })) },
      ],
      ephemeral: true,
    });
  },
});

/** Where the world layer's cities and listed pairs come from, with the licences they are used under. */
function worldSources(catalog: Catalog): Section[] {
  const sources = catalog.world?.sources ?? [];
  if (sources.length === 0) return [];
  return [
    {
      heading: "Beside the office's own records, cities and listed partnerships come from",
      rows: sources.map((s) => ({ text: s.title, detail: `licence ${s.licence} · ${s.url}` })),
    },
  ];
}

function row(c: Command): Row {
  return { text: [{ command: usage(c) }], detail: summaryOf(c.summary, c.permission) };
}

function summaryOf(summary: string, permission: 'everyone' | 'staff'): string {
  return permission === 'staff' ? `${summary} (office staff only)` : summary;
}
