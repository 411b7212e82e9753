import { createFetch } from '../../adapters/fetch.js';
import { leancloud } from '../../catalog/leancloud/full.js';
import type { Scenario } from '../context.js';
import { LC_HEADERS } from './common.js';

/** fetch: a quota error is not retried; a POST whose connection died after the write is not repeated. */
export const fetchScenario: Scenario = {
  name: 'fetch',
  client: 'fetch',
  code: 'const fetch = createFetch({ provider: leancloud })',
  async run(ctx) {
    const { server } = ctx;
    const fetch = createFetch({ provider: leancloud, retry: ctx.hooks });

    server.fail('GET', '/1.1/classes/Post?', [
      { status: 403, body: { code: 140, error: '超过应用额度，请升级到商用版或联系我们处理。' } },
    ]);
    await ctx.step(
      'quota',
      { en: 'Query posts after the app ran out of its API quota ({code:140})', zh: '应用 API 额度用尽后查询（{code:140}）' },
      () => fetch(`${server.url}/1.1/classes/Post?limit=10`, { headers: LC_HEADERS }),
      (r) => ({
        expected: !r.ok && r.error.kind === 'quota_exceeded' && server.count('GET', '/1.1/classes/Post?') === 1,
        summary: {
          en: 'QuotaExceededError after 1 request: retrying cannot raise a quota',
          zh: '1 次请求后即为 QuotaExceededError：重试不会提高额度',
        },
      }),
    );

    const before = server.objects('Order').length;
    server.fail('POST', '/1.1/classes/Order', [{ reset: true }]);
    await ctx.step(
      'post-once',
      {
        en: 'POST an order; the server saves it, then the connection dies before the answer',
        zh: '提交订单：服务端已保存，但连接在响应前断开',
      },
      () =>
        fetch(`${server.url}/1.1/classes/Order`, {
          method: 'POST',
          headers: { ...LC_HEADERS, 'content-type': 'application/json' },
          body: JSON.stringify({ item: 'coffee', quantity: 1 }),
        }),
      (r) => {
        const sent = server.requests.filter((q) => q.method === 'POST' && q.path === '/1.1/classes/Order').length;
        const orders = server.objects('Order').length - before;
        return {
          expected: !r.ok && r.error.kind === 'network' && sent === 1 && orders === 1,
          summary: {
            en: `NetworkError, the POST was sent once (server ledger: ${sent} request, ${orders} order) — a blind retry would have ordered twice`,
            zh: `NetworkError，POST 只发送了一次（服务端记录：${sent} 次请求，${orders} 个订单）——盲目重试会重复下单`,
          },
        };
      },
    );
  },
};
