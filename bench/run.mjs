import { writeFileSync } from 'node:fs';
import { benchClassify } from './classify.mjs';

const results = { node: process.version, date: new Date().toISOString(), tables: [] };
results.tables.push(benchClassify());
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
console.log('\nwrote bench/results.json');
