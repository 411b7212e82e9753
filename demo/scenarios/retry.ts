import { leancloud, retry } from '../../src/index.js';
import type { Scenario } from '../context.js';
import { LC_HEADERS } from './common.js';

/** retry(): any async call — here one shaped like an SDK call that rejects with `{ code, message }`. */
export const retryScenario: Scenario = {
  name: 'retry',
  client: 'retry()',
  code: 'retry(() => sdkCall(), { idempotent: true, classify: { provider: leancloud } })',
  async run(ctx) {
    const { server } = ctx;

    // What the LeanCloud SDK does: it rejects with an AVError { code, message }, the HTTP status gone.
    const runCloudFunction = async (name: string): Promise<unknown> => {
      const response = await fetch(`${server.url}/1.1/functions/${name}`, {
        method: 'POST',
        headers: { ...LC_HEADERS, 'content-type': 'application/json' },
        body: '{}',
      });
      const body = (await response.json()) as { result?: unknown; code?: number; error?: string };
      if (!response.ok) throw Object.assign(new Error(body.error), { code: body.code });
      return body.result;
    };

    server.fail('POST', '/1.1/functions/weeklyReport', [
      { status: 500, body: { code: 1, error: 'Internal server error. No information available.' } },
      { status: 504, body: { code: 124, error: 'The request timed out on the server.' } },
    ]);
    await ctx.step(
      'sdk-call',
      {
        en: 'A read-only cloud function that fails with {code:1}, then {code:124}; declared idempotent',
        zh: '只读的云函数先失败 {code:1}，再失败 {code:124}；已声明为幂等',
      },
      () => retry(() => runCloudFunction('weeklyReport'), { idempotent: true, classify: { provider: leancloud }, ...ctx.hooks }),
      (r) => ({
        expected: r.ok && server.count('POST', '/1.1/functions/weeklyReport') === 3,
        summary: { en: 'the third call returned the report', zh: '第三次调用返回了报表' },
      }),
    );
  },
};
