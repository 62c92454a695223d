import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './fixtures/knowledge-base.ts';

describe("the test run's temp folder", () => {
  it('GIVEN a test making a temp folder THEN it is made in the folder of the run, which goes when the run ends', async () => {
    expect(basename(tmpdir())).toMatch(/^twinbot-tests-/);
    expect(process.env.TMPDIR).toBe(tmpdir());
    expect(dirname(await tempDir())).toBe(tmpdir());
  });
});
