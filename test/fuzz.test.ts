// classify() under fast-check: FUZZ_RUNS runs per property (10,000 by default; `npm run fuzz` uses 100,000).
import { defineClassifyFuzz } from './fuzz/classify.fuzz.js';

defineClassifyFuzz();
