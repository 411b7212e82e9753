import { describeKy } from './helpers/http-ky-suite.js';
import { ky1 } from './helpers/http-harness.js';

// ky 2 runs the same suite on Node >= 22: test/http-ky2.test.ts.
describeKy(ky1);
