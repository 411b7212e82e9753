import axios from 'axios';
import { withFaultline } from '../../adapters/axios.js';
import { leancloud } from '../../catalog/leancloud/full.js';
import type { Scenario } from '../context.js';
import { LC_HEADERS } from './common.js';

/** axios: a GET retried through 429 (Retry-After) and 503; a missing object is not retried. */
export const axiosScenario: Scenario = {
  name: 'axios',
  client: 'axios',
  code: 'withFaultline(axios.create({ baseURL }), { provider: leancloud })',
  async run(ctx) {
    const { server } = ctx;
    const api = withFaultline(axios.create({ baseURL: server.url, headers: LC_HEADERS }), { provider: leancloud, retry: ctx.hooks });

    const id = server.seed('Post', { title: 'Hello, faultline' });
    server.fail('GET', `/1.1/classes/Post/${id}`, [{ status: 429, headers: { 'Retry-After': '1' } }, { status: 503 }]);
    await ctx.step(
      'get-flaky',
      {
        en: 'GET an object while the server throttles (429 + Retry-After: 1), then fails (503)',
        zh: '读取一个对象：服务端先限流（429 + Retry-After: 1），再返回 503',
      },
      () => api.get<{ title: string }>(`/1.1/classes/Post/${id}`),
      (r) => ({
        expected: r.ok && server.count('GET', `/1.1/classes/Post/${id}`) === 3,
        summary: r.ok
          ? { en: `${r.value.status}: "${r.value.data.title}"`, zh: `${r.value.status}：「${r.value.data.title}」` }
          : { en: 'failed', zh: '失败' },
      }),
    );

    await ctx.step(
      'get-missing',
      { en: 'GET an object that was deleted ({code:101})', zh: '读取一个已删除的对象（{code:101}）' },
      () => api.get('/1.1/classes/Post/5f0000000000000000000000'),
      (r) => ({
        expected: !r.ok && r.error.kind === 'not_found' && server.count('GET', '/1.1/classes/Post/5f00') === 1,
        summary: {
          en: 'NotFoundError, not retried: the server answered, and it will answer the same again',
          zh: 'NotFoundError，不重试：服务端已明确答复，再试结果也一样',
        },
      }),
    );
  },
};
