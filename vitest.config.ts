import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // Stores that use the world layer read the small hand-written one (and so do the twinbot
    // processes the tests start), so tests do not depend on the size or the build of data/world.
    env: { TWINBOT_WORLD: fileURLToPath(new URL('./test/fixtures/world', import.meta.url)) },
  },
});
