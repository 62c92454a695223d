import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  PageStore,
  pageButtonId,
  pageMessage,
  parsePageButtonId,
} from '../../../src/adapters/discord/paging.ts';

const page = (text: string) => ({ description: text });

describe('PageStore', () => {
  it('GIVEN more pages than its size bound THEN forgets the oldest answers first, keeps the newest', () => {
    const store = new PageStore(200);
    store.put('1', [page('a'.repeat(80))]);
    store.put('2', [page('b'.repeat(80))]);
    store.put('3', [page('c'.repeat(80))]);
    expect(store.get('1')).toBeUndefined();
    expect(store.get('2')).toBeDefined();
    expect(store.get('3')).toBeDefined();
  });

  it('GIVEN one answer larger than the bound THEN it is still kept (until the next one)', () => {
    const store = new PageStore(10);
    store.put('1', [page('x'.repeat(100))]);
    expect(store.get('1')?.pages).toHaveLength(1);
  });
});

describe('page buttons', () => {
  it('GIVEN the largest snowflake and page THEN the custom_id fits in 100 characters and reads back', () => {
    const id = pageButtonId('9'.repeat(20), 99_999);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parsePageButtonId(id)).toEqual({ key: '9'.repeat(20), index: 99_999 });
    expect(parsePageButtonId('something:else')).toBeUndefined();
  });

  it('GIVEN one page THEN no buttons; GIVEN the last of three THEN Next disabled and ids distinct', () => {
    expect(pageMessage([page('only')], '1', 0).components).toEqual([]);
    const [row] = pageMessage([page('a'), page('b'), page('c')], '1', 2).components;
    const [previous, next] = row?.components ?? [];
    expect(previous).toMatchObject({ label: 'Previous', disabled: false, custom_id: 'twin:page:1:1' });
    expect(next).toMatchObject({ label: 'Next', disabled: true });
    expect(previous?.custom_id).not.toBe(next?.custom_id);
  });

  it("GIVEN the answer's own rows (a suggestion, Confirm) THEN every page shows them under its paging buttons, a single page alone", () => {
    const run: APIActionRowComponent<APIButtonComponentWithCustomId> = {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Primary,
          label: 'Run: help',
          custom_id: 'twin:run:help',
        },
      ],
    };
    const store = new PageStore();
    store.put('1', [page('a'), page('b')], [run]);
    const kept = store.get('1');
    const second = pageMessage(kept?.pages ?? [], '1', 1, kept?.rows).components;
    expect(second).toHaveLength(2);
    expect(second[1]).toEqual(run);
    expect(pageMessage([page('only')], '2', 0, [run]).components).toEqual([run]);
  });
});
