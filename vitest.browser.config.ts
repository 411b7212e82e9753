import { defineConfig } from 'vitest/config';

// `npm run test:browser`: only the headless Chromium suite (needs Debian's chromium).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
