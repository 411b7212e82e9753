import { describe, it } from 'vitest';
import { describeKy } from './helpers/http-ky-suite.js';
import type { KyUnderTest } from './helpers/http-harness.js';

// ky 2 needs Node >= 22: this file runs it in the Node 24 suite (`npm run test:node24`), the same
// adapter suite as ky 1 (test/http-ky.test.ts). On Node 20 it says why it did not run.
const major = Number(process.versions.node.split('.')[0]);

if (major >= 22) {
  const ky2 = await import('ky2');
  const under: KyUnderTest = {
    name: 'ky 2',
    ky: ky2.default as never,
    HTTPError: ky2.HTTPError,
    prefix: 'prefix',
    // ky 2 reads an HTTPError's body itself (from the Response faultline rebuilt: what it read).
    errorBody: async (error) => (error as unknown as { data: unknown }).data,
  };
  describeKy(under);
} else {
  describe('faultline/ky with ky 2', () => {
    it.skip(`needs Node >= 22 (this is ${process.version}): npm run test:node24`, () => undefined);
  });
}
