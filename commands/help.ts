import { defineCommand, usage } from '../src/core/command.ts';
import { findCommand } from '../src/core/parse-command.ts';
import { answer, problem } from '../src/core/reply.ts';

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
          {
            rows: ctx.commands.map((c) => ({
              text: [{ command: usage(c) }],
              detail: summaryOf(c.summary, c.permission),
            })),
          },
        ],
        ephemeral: true,
      });
    }
    const command = findCommand(ctx.commands, name.split(/\s+/)[0] ?? '');
    if (!command) return problem(`There is no command "${name}". Type \`help\` for the list.`);
    return answer({
      title: usage(command),
      text: summaryOf(command.summary, command.permission),
      fields: command.args.map((arg) => ({
        label: arg.name,
        value: `${arg.description}${arg.required ? '' : ' (optional)'}`,
      })),
      sections: [
        { heading: 'Examples', rows: command.examples.map((example) => ({ text: [{ command: example }] })) },
      ],
      ephemeral: true,
    });
  },
});

function summaryOf(summary: string, permission: 'everyone' | 'staff'): string {
  return permission === 'staff' ? `${summary} (office staff only)` : summary;
}
