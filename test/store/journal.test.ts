import { describe, expect, it } from 'vitest';
import { IdPositions, sha256, sha256OffThread } from '../../src/store/journal.ts';

describe('where an edit finds its records', () => {
  it('GIVEN more look-ups than an edit scans for, records added and ids not there THEN each answer is where the record sits', () => {
    const list = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}` }));
    const positions = new IdPositions(list);
    expect(positions.has('absent')).toBe(false);
    positions.set('added', 50);
    for (let round = 0; round < 2; round++)
      for (let i = 49; i >= 0; i--) expect(positions.get(`r${i}`)).toBe(i);
    expect(positions.get('added')).toBe(50);
    expect(positions.has('absent')).toBe(false);
    expect(positions.has('never')).toBe(false);
  });
});

describe('hashing a store file off the main thread', () => {
  it("GIVEN a file's bytes, with letters beyond ASCII THEN the hash worked out on libuv's threads is the one the journal's header names", async () => {
    expect(await sha256OffThread(Buffer.from('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const bytes = Buffer.from(JSON.stringify({ cities: [{ name: 'Rzeszów' }, { name: '北上市' }] }));
    expect(await sha256OffThread(bytes)).toBe(sha256(bytes));
  });
});
