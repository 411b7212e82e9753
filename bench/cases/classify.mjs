import { classify, classifyClose } from '../../.cache/bench/lib/core.mjs';
import { leancloud } from '../../.cache/bench/lib/catalog/leancloud.mjs';
import { classify as classifyFull, leancloud as leancloudFull } from '../../.cache/bench/lib/index.mjs';
import { opsRounds, spread } from '../measure.mjs';

/**
 * classify() operations per second for LeanCloud's 404 {code: 101} (an HTTP shape, the provider
 * given), beside what any classifier pays at least: a Map lookup of the code and a bare
 * `new Error()` (which captures a stack; classify() captures none). Median of 9 rounds of 200 ms,
 * a GC before each.
 */
export default async function classifyThroughput() {
  const map = new Map([[101, { kind: 'not_found' }], [4107, { kind: 'connection_closed' }]]);
  const input = { status: 404, body: { code: 101 } };
  const withHeaders = { status: 404, headers: { 'x-request-id': 'abc' }, body: { code: 101, error: 'Object not found.' } };
  let sink = 0;
  const rows = [
    ['Map.get(code)', () => (sink += map.get(101) ? 1 : 0)],
    ['new Error()', () => (sink += new Error('Object not found.').message.length)],
    ['classify({status: 404, body: {code: 101}}, { provider: leancloud })', () => (sink += classify(input, { provider: leancloud }).retryable ? 1 : 0)],
    ['the same with headers and message', () => (sink += classify(withHeaders, { provider: leancloud }).retryable ? 1 : 0)],
    ["the same through 'faultline' (text in two languages)", () => (sink += classifyFull(input, { provider: leancloudFull }).retryable ? 1 : 0)],
    ['classifyClose(4107, leancloud)', () => (sink += classifyClose(4107, '', { provider: leancloud }).retryable ? 1 : 0)],
  ].map(([label, fn]) => ({ label, ...spread(opsRounds(fn)) }));
  if (sink === -1) console.log(sink);
  return rows;
}
