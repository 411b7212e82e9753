import { classify, classifyClose } from '../dist/index.js';
import { opsPerSecond, table } from './measure.mjs';

/** classify() throughput against a bare Map lookup of the same code: the floor any classifier pays. */
export function benchClassify() {
  const map = new Map([[101, { kind: 'not_found' }], [4107, { kind: 'connection_closed' }]]);
  const httpInput = { status: 404, headers: { 'x-request-id': 'abc' }, body: { code: 101, error: 'Object not found.' } };
  let sink = 0;
  const rows = [
    { label: 'bare Map.get(code)', value: opsPerSecond((i) => { sink += map.get(i & 1 ? 101 : 4107) ? 1 : 0; }) },
    { label: 'classify(HTTP 404 + {code:101}, leancloud)', value: opsPerSecond(() => { sink += classify(httpInput, { provider: 'leancloud' }).retryable ? 1 : 0; }) },
    { label: 'classifyClose(4107, leancloud)', value: opsPerSecond(() => { sink += classifyClose(4107, '', { provider: 'leancloud' }).retryable ? 1 : 0; }) },
  ];
  if (sink === -1) console.log(sink);
  return [table('0. classify() throughput', 'ops/s', 'bare Map.get(code)', rows)];
}
