import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const at = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // The package's own entry points, as the examples (and users) import them, mapped to the sources
    // (the same map as `paths` in tsconfig.json).
    alias: [
      { find: /^faultline$/, replacement: at('./src/index.ts') },
      { find: /^faultline\/core$/, replacement: at('./src/core.ts') },
      { find: /^faultline\/(axios|fetch|ky|ws|p-retry)$/, replacement: at('./adapters/$1.ts') },
      // A provider's own modules: faultline/catalog/parse/plug → catalog/parse/plug.ts.
      { find: /^faultline\/catalog\/([a-z]+)\/([a-z]+)$/, replacement: at('./catalog/$1/$2.ts') },
      { find: /^faultline\/catalog\/([a-z]+)$/, replacement: at('./catalog/$1.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Needs Chromium: `npm run test:browser` (vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
