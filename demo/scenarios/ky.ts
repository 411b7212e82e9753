import ky from 'ky';
import { withFaultline } from '../../adapters/ky.js';
import { leancloud } from '../../catalog/leancloud/full.js';
import type { Scenario } from '../context.js';
import { LC_HEADERS } from './common.js';

/** ky: with an idempotency key, the same lost POST is retried safely and applied once. */
export const kyScenario: Scenario = {
  name: 'ky',
  client: 'ky',
  code: 'withFaultline(ky.create({ prefixUrl }), { provider: leancloud, idempotencyKey: true })',
  async run(ctx) {
    const { server } = ctx;
    const api = withFaultline(ky.create({ prefixUrl: `${server.url}/1.1`, headers: LC_HEADERS }), {
      provider: leancloud,
      idempotencyKey: true,
      retry: ctx.hooks,
    });

    const before = server.objects('Order').length;
    const seq = server.requests.length;
    server.fail('POST', '/1.1/classes/Order', [{ reset: true }]);
    await ctx.step(
      'post-key',
      {
        en: 'The same lost POST, with an Idempotency-Key the server honours: retried, applied once',
        zh: '同样丢失响应的 POST，这次带服务端支持的 Idempotency-Key：可以重试，只执行一次',
      },
      () => api.post('classes/Order', { json: { item: 'tea', quantity: 2 } }).json<{ objectId: string }>(),
      (r) => {
        const posts = server.requests.slice(seq).filter((q) => q.method === 'POST');
        const keys = new Set(posts.map((q) => q.idempotencyKey));
        const orders = server.objects('Order').length - before;
        return {
          expected: r.ok && posts.length === 2 && keys.size === 1 && !keys.has(undefined) && orders === 1 && posts[1]?.replayed === true,
          summary: {
            en: `created ${r.ok ? r.value.objectId : '?'}: ${posts.length} requests with one key, ${orders} order (the retry got the stored answer)`,
            zh: `已创建 ${r.ok ? r.value.objectId : '?'}：同一个键发了 ${posts.length} 次请求，只有 ${orders} 个订单（重试拿到的是已保存的结果）`,
          },
        };
      },
    );
  },
};
