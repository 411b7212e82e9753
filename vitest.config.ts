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
      { find: /^faultline\/breaker$/, replacement: at('./src/breaker.ts') },
      { find: /^faultline\/(axios|fetch|ky|ws|p-retry|redis)$/, replacement: at('./adapters/$1.ts') },
      // A provider's own modules: faultline/catalog/parse/en → catalog/parse/en.ts, …/plug → plug.ts.
      { find: /^faultline\/catalog\/([a-z]+)\/([a-z]+)$/, replacement: at('./catalog/$1/$2.ts') },
      { find: /^faultline\/catalog\/([a-z]+)$/, replacement: at('./catalog/$1/index.ts') },
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
