import { WebSocket } from 'ws';
import { ReconnectingSocket } from '../../adapters/ws.js';
import { leancloud } from '../../catalog/leancloud/index.js';
import type { FaultlineError } from '../../src/errors.js';
import { summarize } from '../events.js';
import type { Scenario } from '../context.js';

/** How long the socket scenario may take before it is called off (it needs about 3 s). */
const LIMIT_MS = 20_000;

/** The IM socket: reconnects after 1006 and 4107, keeps a message queued meanwhile, stops on 4111. */
export const socketScenario: Scenario = {
  name: 'socket',
  client: 'ReconnectingSocket',
  code: 'new ReconnectingSocket(url, { WebSocket, provider: leancloud })',
  async run(ctx) {
    const { server } = ctx;
    server.im([
      { drop: true, afterMs: 300 },
      { close: 4107, reason: 'READ_TIMEOUT', afterMs: 300 },
      { close: 4111, reason: 'SESSION_CONFLICT', afterMs: 300 },
    ]);
    const faults: FaultlineError[] = [];
    let reconnects = 0;
    let waited = 0;

    await ctx.step(
      'im',
      {
        en: 'An IM connection that is dropped (1006), timed out by the server (4107), then kicked (4111)',
        zh: 'IM 连接先被断开（1006），再被服务端判定超时（4107），最后被踢下线（4111）',
      },
      () =>
        new Promise<FaultlineError>((resolve, reject) => {
          const socket = new ReconnectingSocket(server.wsUrl, { WebSocket, provider: leancloud });
          const limit = setTimeout(() => {
            socket.close();
            reject(new Error(`the socket did not stop within ${LIMIT_MS} ms`));
          }, LIMIT_MS);
          let sent = 0;
          const say = (text: string): void => void socket.send(JSON.stringify({ cmd: 'direct', i: ++sent, msg: text }));
          socket.on('open', ({ attempt }) => {
            ctx.emit({ type: 'open', attempt });
            if (sent === 0) say('hello');
          });
          socket.on('error', ({ error }) => {
            faults.push(error);
            ctx.emit({ type: 'error', error: summarize(error, ctx.lang) });
          });
          socket.on('reconnecting', ({ attempt, delayMs }) => {
            reconnects++;
            waited += delayMs;
            ctx.emit({ type: 'decision', action: 'reconnect', attempt, delayMs: Math.round(delayMs) });
            if (reconnects === 1) {
              say('are you there?');
              ctx.note({
                en: `send() while disconnected: the message waits in the outbox (${socket.queued} queued)`,
                zh: `断线期间 send()：消息在发件箱中等待（已排队 ${socket.queued} 条）`,
              });
            }
          });
          socket.on('stopped', ({ error }) => {
            clearTimeout(limit);
            ctx.emit({ type: 'decision', action: 'stop', kind: error.kind, ...(error.closeCode === undefined ? {} : { closeCode: error.closeCode }) });
            resolve(error);
          });
        }),
      (r) => {
        const codes = faults.map((f) => f.closeCode);
        const delivered = server.messages.length;
        return {
          expected:
            r.ok &&
            codes.join() === '1006,4107,4111' &&
            reconnects === 2 &&
            r.value.kind === 'session_replaced' &&
            delivered === 2,
          attempts: server.connections,
          totalDelayMs: waited,
          headline: { en: 'stopped as it should', zh: '按预期停止' },
          summary: {
            en: `stopped for good on ${r.ok ? r.value.closeCode : '?'} after ${server.connections} connections and ${reconnects} reconnects; ${delivered} of 2 messages delivered, none twice`,
            zh: `${server.connections} 次连接、${reconnects} 次重连后，因 ${r.ok ? r.value.closeCode : '?'} 永久停止；2 条消息送达 ${delivered} 条，无重复`,
          },
        };
      },
    );
  },
};
