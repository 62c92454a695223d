import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { slashCommands } from '../../../src/adapters/discord/command-json.ts';

/** A command, subcommand, option or choice of the registration body, as Discord reads it. */
interface Node {
  name: string;
  name_localizations?: Record<string, string> | null;
  description?: string;
  description_localizations?: Record<string, string> | null;
  value?: string | number;
  options?: Node[];
  choices?: Node[];
}

/** Discord's naming rule for chat commands and options (lower case where a letter has one). */
const DISCORD_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
/** Discord's locales for our languages; zh-TW is Traditional Chinese, which we do not write. */
const OUR_LOCALES = ['cs', 'de', 'es-419', 'es-ES', 'fr', 'ja', 'zh-CN'];

const body = slashCommands(commands) as unknown as Node[];
const optionsOf = (node: Node): Node[] => node.options ?? [];
const descendants = (node: Node): Node[] => optionsOf(node).flatMap((o) => [o, ...descendants(o)]);
const everyNode = body.flatMap((c) => [c, ...descendants(c)]);
const everyChoice = everyNode.flatMap((n) => n.choices ?? []);

/** Discord's count: each name, description and choice value, in its longest localization. */
function total(node: Node): number {
  const longest = (text = '', localizations?: Record<string, string> | null) =>
    Math.max(text.length, ...Object.values(localizations ?? {}).map((t) => t.length));
  return (
    longest(node.name, node.name_localizations) +
    longest(node.description, node.description_localizations) +
    (typeof node.value === 'string' ? node.value.length : 0) +
    [...(node.choices ?? []), ...optionsOf(node)].reduce((sum, child) => sum + total(child), 0)
  );
}

const find = (path: string[]): Node => {
  let node: Node | undefined = { name: '', options: body };
  for (const name of path) node = optionsOf(node as Node).find((o) => o.name === name);
  if (!node) throw new Error(`${path.join(' ')} is not in the registration`);
  return node;
};

describe('Discord registration with its localizations, for every command', () => {
  it('GIVEN every command and option THEN a description of 1-100 characters in English and in each of our Discord locales', () => {
    for (const node of everyNode) {
      const texts = [node.description ?? '', ...Object.values(node.description_localizations ?? {})];
      for (const text of texts) {
        expect(text.length, `${node.name}: "${text}"`).toBeGreaterThanOrEqual(1);
        expect(text.length, `${node.name}: "${text}"`).toBeLessThanOrEqual(100);
      }
      expect(Object.keys(node.description_localizations ?? {}).sort(), node.name).toEqual(OUR_LOCALES);
    }
    expect(everyNode.length).toBeGreaterThan(40);
  });

  it('GIVEN every subcommand and option THEN a name in each of our Discord locales, in Discord’s pattern and lower case; the top-level commands keep theirs', () => {
    for (const top of body) expect(top.name_localizations, top.name).toBeUndefined();
    const named = everyNode.filter((node) => !body.includes(node));
    expect(named.length).toBeGreaterThan(40);
    for (const node of named) {
      expect(Object.keys(node.name_localizations ?? {}).sort(), node.name).toEqual(OUR_LOCALES);
      for (const name of [node.name, ...Object.values(node.name_localizations ?? {})]) {
        expect(name, node.name).toMatch(DISCORD_NAME);
        expect(name, node.name).toBe(name.toLowerCase());
      }
    }
  });

  it('GIVEN each locale THEN no two subcommands of a command, and no two options of a subcommand, share a name', () => {
    const nameIn = (node: Node, locale: string) => node.name_localizations?.[locale] ?? node.name;
    const scopes = [...body, ...body.flatMap(optionsOf)].map(optionsOf).filter((s) => s.length > 0);
    expect(scopes.length).toBe(body.length + body.flatMap(optionsOf).length);
    for (const locale of ['en', ...OUR_LOCALES]) {
      for (const scope of scopes) {
        const names = scope.map((node) => nameIn(node, locale));
        expect(new Set(names).size, `${locale}: ${names.join(', ')}`).toBe(names.length);
      }
    }
  });

  it('GIVEN a German, Czech, Japanese or Chinese member THEN the picker shows native names for subcommands and options', () => {
    expect(find(['twin', 'partners']).name_localizations?.de).toBe('partnerstädte');
    expect(find(['twin', 'partners']).name_localizations?.fr).toBe('jumelages');
    expect(find(['twin', 'agreement', 'city']).name_localizations?.cs).toBe('město');
    expect(find(['twin', 'partners']).name_localizations?.ja).toBe('姉妹都市');
    expect(find(['twin', 'partners']).name_localizations?.['zh-CN']).toBe('友好城市');
    expect(find(['twin-staff', 'city-set']).name_localizations?.['es-419']).toBe('editar-ciudad');
    expect(find(['twin-staff', 'city-set']).name_localizations?.['es-ES']).toBe('editar-ciudad');
    expect(find(['twin', 'search', 'share']).name_localizations?.de).toBe('teilen');
  });

  it('GIVEN every choice THEN a name of 1-100 characters in each locale and a value of at most 100', () => {
    expect(everyChoice.length).toBe(5 + 12 + 3 + 3 + 2);
    for (const choice of everyChoice) {
      for (const name of [choice.name, ...Object.values(choice.name_localizations ?? {})]) {
        expect(name.length, name).toBeGreaterThanOrEqual(1);
        expect(name.length, name).toBeLessThanOrEqual(100);
      }
      expect(Object.keys(choice.name_localizations ?? {}).sort(), choice.name).toEqual(OUR_LOCALES);
      expect(String(choice.value).length).toBeLessThanOrEqual(100);
    }
  });

  it('GIVEN each top-level command THEN its names, descriptions and choice values, each in its longest localization, total at most 4,000', () => {
    const totals = Object.fromEntries(body.map((c) => [c.name, total(c)]));
    expect(Object.keys(totals)).toEqual(['twin', 'twin-staff']);
    for (const [name, count] of Object.entries(totals)) expect(count, name).toBeLessThanOrEqual(4000);
    // Localized names count too, each in its longest form (Spanish "hermanamientos" for partners).
    const partners = find(['twin', 'partners']);
    expect(total({ ...partners, options: [] })).toBe(
      'hermanamientos'.length +
        Math.max(
          ...Object.values(partners.description_localizations ?? {}).map((d) => d.length),
          partners.description?.length ?? 0,
        ),
    );
    // The staff command is the big one; a translation that grows it past the limit fails here.
    expect(totals['twin-staff']).toBeGreaterThan(totals.twin ?? 0);
  });

  it('GIVEN a French, Czech or Japanese member THEN Discord shows them our words for the command, an option and a choice', () => {
    const agreement = find(['twin', 'agreement']);
    expect(agreement.description).toBe(
      'The status of the agreement between two cities, per side, with its full timeline and sources',
    );
    expect(agreement.description_localizations?.fr).toBe(
      'Statut de l’accord entre deux villes, pour chaque partie, avec sa chronologie et ses sources',
    );
    expect(find(['twin', 'agreement', 'with']).description_localizations?.cs).toBe('Jeho partnerské město');
    const milestone = find(['twin-staff', 'record', 'milestone']);
    const rejection = milestone.choices?.find((c) => c.value === 'council_rejection');
    expect(rejection?.name).toBe('Council rejection');
    expect(rejection?.name_localizations?.de).toBe('Ablehnung durch den Stadtrat');
    expect(rejection?.name_localizations?.ja).toBe('議会の否決');
    expect(rejection?.name_localizations?.['es-419']).toBe(rejection?.name_localizations?.['es-ES']);
    expect(find(['twin', 'search', 'share']).description_localizations?.['zh-CN']).toBe(
      '将回答发布给频道中的所有人（默认仅您可见）',
    );
  });
});
