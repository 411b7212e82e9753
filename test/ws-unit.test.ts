import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReconnectingSocket, type ReconnectingSocketOptions, type SocketEventMap } from '../adapters/ws.js';
import { leancloud } from '../catalog/leancloud/index.js';
import type { Clock } from '../src/clock.js';
import { createError } from '../src/errors.js';
import type { SharedBudget } from '../src/store-types.js';
import { FakeClock } from './helpers/fake-clock.js';
import { FakeWebSocket } from './helpers/ws-fake.js';

type Events = Array<[keyof SocketEventMap, SocketEventMap[keyof SocketEventMap]]>;

function make(options: ReconnectingSocketOptions = {}, clock: FakeClock | Clock = new FakeClock({ random: () => 0.5 })) {
  const socket = new ReconnectingSocket('ws://fake.test/', { WebSocket: FakeWebSocket, clock, ...options });
  const events: Events = [];
  for (const name of ['open', 'message', 'reconnecting', 'stopped', 'error'] as const) {
    socket.on(name, (event) => void events.push([name, event]));
  }
  const of = <K extends keyof SocketEventMap>(name: K): SocketEventMap[K][] =>
    events.filter((e) => e[0] === name).map((e) => e[1] as SocketEventMap[K]);
  return { socket, events, of };
}

beforeEach(() => FakeWebSocket.reset());
afterEach(() => expect(FakeWebSocket.overlaps).toBe(0));

describe('backoff', () => {
  it('jitters the first reconnect, grows with failed attempts, and starts over only once a connection lived minUptimeMs', async () => {
    const clock = new FakeClock({ random: () => 0.5 });
    const { of } = make({ reconnect: { baseDelayMs: 1_000, maxDelayMs: 30_000 } }, clock);
    await clock.advance(0);
    FakeWebSocket.last.open();
    await clock.advance(5_000); // stable (default minUptimeMs)
    FakeWebSocket.last.drop(1006);
    expect(clock.nextDelay).toBe(500); // full jitter over [0, 1000): never an instant herd
    for (let i = 0; i < 3; i++) {
      await clock.advance(clock.nextDelay ?? 0);
      FakeWebSocket.last.fail();
    }
    expect(of('reconnecting').map((e) => [e.attempt, e.delayMs])).toEqual([[1, 500], [2, 1_000], [3, 2_000], [4, 4_000]]);
    await clock.advance(clock.nextDelay ?? 0);
    FakeWebSocket.last.open();
    expect(of('open').map((e) => e.attempt)).toEqual([1, 4]);
    // Open is not stable: a drop right after it keeps growing the wait (changed: it used to start over at open).
    FakeWebSocket.last.drop(1001);
    expect(of('reconnecting').at(-1)).toMatchObject({ attempt: 5, delayMs: 8_000 });
    await clock.advance(8_000);
    FakeWebSocket.last.open();
    await clock.advance(4_999);
    FakeWebSocket.last.drop(1001);
    expect(of('reconnecting').at(-1)).toMatchObject({ attempt: 6, delayMs: 15_000 });
    await clock.advance(15_000);
    FakeWebSocket.last.open();
    await clock.advance(5_000);
    FakeWebSocket.last.drop(1001);
    expect(of('reconnecting').at(-1)).toMatchObject({ attempt: 1, delayMs: 500 });
  });

  it('gives up after maxAttempts with attempts on the error, leaving no timer', async () => {
    const clock = new FakeClock();
    const { socket, of } = make({ reconnect: { maxAttempts: 3 } }, clock);
    for (let i = 0; i < 3; i++) {
      await clock.advance(clock.nextDelay === undefined || FakeWebSocket.instances.length === i ? 0 : clock.nextDelay);
      await clock.runAll(1).catch(() => {});
      FakeWebSocket.last.fail(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    }
    const [stopped] = of('stopped');
    expect(stopped?.error).toMatchObject({ kind: 'network', attempts: 3, closeCode: 1006 });
    expect(stopped?.error.totalDelayMs).toBeGreaterThan(0);
    expect(FakeWebSocket.instances).toHaveLength(3);
    expect(socket.state).toBe('stopped');
    expect(clock.pending).toBe(0);
  });

  it('waits maxDelayMs (jittered) when a shared budget refuses, and never gives up because of it', async () => {
    const clock = new FakeClock({ random: () => 0 });
    const successes: boolean[] = [];
    const budget: SharedBudget = {
      config: { capacity: 0, retryCost: 5, timeoutCost: 10, successRefill: 1 },
      tryAcquire: () => false,
      recordSuccess: (r) => void successes.push(r),
    };
    const { of, socket } = make({ budget, reconnect: { baseDelayMs: 10, maxDelayMs: 8_000 } }, clock);
    for (let i = 0; i < 5; i++) {
      await clock.advance(clock.nextDelay ?? 0);
      FakeWebSocket.last.fail();
    }
    expect(of('reconnecting').map((e) => e.delayMs)).toEqual([4_000, 4_000, 4_000, 4_000, 4_000]);
    expect(socket.state).toBe('reconnecting');
    await clock.advance(clock.nextDelay ?? 0);
    FakeWebSocket.last.open();
    expect(successes).toEqual([]); // a connection pays back only once it proved stable
    await clock.advance(5_000);
    expect(successes).toEqual([false]); // nothing was paid: a success's refill, not a retry's refund
  });

  it('refunds what a paying budget spent once the connection is stable', async () => {
    const clock = new FakeClock({ random: () => 0 });
    const successes: boolean[] = [];
    const paid: number[] = [];
    const budget: SharedBudget = {
      config: { capacity: 250, retryCost: 5, timeoutCost: 10, successRefill: 1 },
      tryAcquire: (cost) => (paid.push(cost), true),
      recordSuccess: (r) => void successes.push(r),
    };
    make({ budget }, clock);
    await clock.advance(0);
    FakeWebSocket.last.fail();
    await clock.advance(clock.nextDelay ?? 0);
    FakeWebSocket.last.open();
    await clock.advance(5_000);
    expect(paid).toEqual([5]);
    expect(successes).toEqual([true]);
  });

  it('a shared budget that throws or rejects does not strand the socket: it reconnects as if paid', async () => {
    const clock = new FakeClock({ random: () => 0.5 });
    let calls = 0;
    const budget: SharedBudget = {
      config: { capacity: 250, retryCost: 5, timeoutCost: 10, successRefill: 1 },
      tryAcquire: () => {
        if (++calls === 1) throw new Error('store down');
        return Promise.reject(new Error('store down'));
      },
      recordSuccess: () => {},
    };
    const { of } = make({ budget }, clock);
    await clock.advance(0);
    FakeWebSocket.last.fail();
    await clock.advance(0);
    await clock.advance(clock.nextDelay ?? 0);
    FakeWebSocket.last.fail();
    await clock.advance(0);
    expect(of('reconnecting').map((e) => e.delayMs)).toEqual([500, 1_000]);
    expect(calls).toBe(2);
  });
});

describe('close-code decisions', () => {
  it('stops a kick loop but not connections that lived', async () => {
    const clock = new FakeClock();
    const { of } = make({ provider: leancloud }, clock);
    await clock.advance(0);
    for (let i = 0; i < 4; i++) {
      FakeWebSocket.last.open();
      await clock.advance(5_000); // lived
      FakeWebSocket.last.drop(4107);
      await clock.advance(clock.nextDelay ?? 0);
    }
    expect(of('stopped')).toHaveLength(0);
    for (let i = 0; i < 3; i++) {
      FakeWebSocket.last.open();
      await clock.advance(100);
      FakeWebSocket.last.drop(4107);
      await clock.advance(clock.nextDelay ?? 0);
    }
    expect(of('stopped')[0]?.error).toMatchObject({ code: 'KICK_LOOP', closeCode: 4107, kind: 'connection_closed', retry: 'never' });
    expect(clock.pending).toBe(0);
  });

  it('counts only one application close code repeating before a connection is stable (changed: 1006 no longer counts)', async () => {
    const clock = new FakeClock();
    const { of } = make({ provider: leancloud, kickLoop: { maxCloses: 2 } }, clock);
    await clock.advance(0);
    // Alternating application codes: each starts the count over. Network drops neither count nor break a run.
    for (const code of [4107, 4108, 4107, 4108, 1006, 1006, 1006, 1006, 1006, 4107]) {
      FakeWebSocket.last.open();
      FakeWebSocket.last.drop(code);
      await clock.advance(clock.nextDelay ?? 0);
    }
    expect(of('stopped')).toHaveLength(0);
    FakeWebSocket.last.open();
    FakeWebSocket.last.drop(4107);
    expect(of('stopped')[0]?.error).toMatchObject({ code: 'KICK_LOOP', closeCode: 4107 });
  });

  it('a close during the ready gate is a kick too (the connection opened but never became stable)', async () => {
    const clock = new FakeClock();
    const { of } = make({ provider: leancloud, ready: () => new Promise(() => {}) }, clock);
    await clock.advance(0);
    for (let i = 0; i < 3; i++) {
      FakeWebSocket.last.open();
      FakeWebSocket.last.drop(4107);
      await clock.advance(clock.nextDelay ?? 0);
    }
    expect(of('stopped')[0]?.error.code).toBe('KICK_LOOP');
  });

  it('kickLoop: false turns the guard off', async () => {
    const clock = new FakeClock();
    const { of } = make({ provider: leancloud, kickLoop: false }, clock);
    await clock.advance(0);
    for (let i = 0; i < 20; i++) {
      FakeWebSocket.last.open();
      FakeWebSocket.last.drop(4107);
      await clock.advance(clock.nextDelay ?? 0);
    }
    expect(of('stopped')).toHaveLength(0);
    expect(of('reconnecting')).toHaveLength(20);
  });

  it('stops on 4112 without onRefresh, and when onRefresh rejects', async () => {
    const clock = new FakeClock();
    const bare = make({ provider: leancloud }, clock);
    await clock.advance(0);
    FakeWebSocket.last.open();
    FakeWebSocket.last.drop(4112);
    expect(bare.of('stopped')[0]?.error).toMatchObject({ kind: 'session_expired', closeCode: 4112 });

    const failing = make({
      provider: leancloud,
      onRefresh: () => Promise.reject(createError('unauthenticated', { message: 'refresh token revoked' })),
    }, clock);
    await clock.advance(0);
    FakeWebSocket.last.open();
    FakeWebSocket.last.drop(4112);
    await clock.advance(0);
    expect(failing.of('stopped')[0]?.error).toMatchObject({ kind: 'unauthenticated', message: 'refresh token revoked' });
    expect(clock.pending).toBe(0);
  });

  it('a user classifyMessage turns an in-band message into a fault', async () => {
    const clock = new FakeClock();
    const { of } = make({
      classifyMessage: (data) => (data === 'BANNED' ? createError('permission_denied', { code: 'BANNED' }) : undefined),
    }, clock);
    await clock.advance(0);
    FakeWebSocket.last.open();
    FakeWebSocket.last.receive('hello');
    FakeWebSocket.last.receive('BANNED');
    expect(of('message').map((e) => e.data)).toEqual(['hello', 'BANNED']);
    expect(of('stopped')[0]?.error.code).toBe('BANNED');
    expect(FakeWebSocket.last.discarded).toBe('close');
  });

  it('a URL provider that throws synchronously counts as a failed attempt', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const socket = new ReconnectingSocket(
      () => {
        if (++calls === 1) throw new TypeError('no token yet');
        return 'ws://fake.test/';
      },
      { WebSocket: FakeWebSocket, clock },
    );
    const errors: string[] = [];
    socket.on('error', ({ error }) => void errors.push(error.message));
    await clock.advance(0);
    expect(FakeWebSocket.instances).toHaveLength(0);
    expect(socket.state).toBe('reconnecting');
    await clock.advance(clock.nextDelay ?? 0);
    FakeWebSocket.last.open();
    expect(socket.state).toBe('open');
    expect(errors).toEqual(['no token yet']);
    socket.close();
  });
});

describe('timeouts and heartbeat', () => {
  it('fails an attempt that does not open (or pass the ready gate) within connectTimeoutMs', async () => {
    const clock = new FakeClock();
    const { of } = make({ connectTimeoutMs: 5_000, ready: () => new Promise(() => {}) }, clock);
    await clock.advance(4_999);
    expect(of('reconnecting')).toHaveLength(0);
    await clock.advance(1);
    expect(of('reconnecting')[0]?.error).toMatchObject({ kind: 'timeout', code: 'CONNECT_TIMEOUT' });
    expect(FakeWebSocket.instances[0]?.discarded).toBe('close');
    await clock.advance(clock.nextDelay ?? 0);
    FakeWebSocket.last.open(); // the gate never resolves
    await clock.advance(5_000);
    expect(of('reconnecting')).toHaveLength(2);
    expect(of('open')).toHaveLength(0);
  });

  /** A background tab: no timer fires sooner than once a minute. */
  function throttled(clock: FakeClock): Clock {
    return { now: clock.now, random: clock.random, clearTimeout: clock.clearTimeout, setTimeout: (cb, ms) => clock.setTimeout(cb, Math.max(ms, 60_000)) };
  }

  it('keeps a live peer under throttled timers (answers compared by timestamp, not by tick)', async () => {
    FakeWebSocket.reset(true);
    const clock = new FakeClock();
    const { of } = make({ heartbeat: { intervalMs: 1_000, timeoutMs: 3_000 } }, throttled(clock));
    await clock.advance(0);
    FakeWebSocket.last.open();
    for (let i = 0; i < 5; i++) {
      await clock.advance(60_000);
      FakeWebSocket.last.pong();
    }
    expect(FakeWebSocket.last.pings).toBe(5);
    expect(of('reconnecting')).toHaveLength(0);
  });

  it('notices a dead peer at the first late tick under throttled timers', async () => {
    FakeWebSocket.reset(true);
    const clock = new FakeClock();
    const { of } = make({ heartbeat: { intervalMs: 1_000, timeoutMs: 3_000 } }, throttled(clock));
    await clock.advance(0);
    FakeWebSocket.last.open();
    await clock.advance(60_000); // probe sent, never answered
    expect(of('reconnecting')).toHaveLength(0);
    await clock.advance(60_000);
    expect(of('reconnecting')[0]?.error).toMatchObject({ code: 'HEARTBEAT_TIMEOUT' });
    expect(FakeWebSocket.instances[0]?.discarded).toBe('terminate');
  });

  it('probes with `message` where there is no ping(), and any message counts as life', async () => {
    const clock = new FakeClock();
    const { of } = make({ heartbeat: { intervalMs: 100, timeoutMs: 300, message: () => '{"cmd":"echo"}' } }, clock);
    await clock.advance(0);
    FakeWebSocket.last.open();
    for (let i = 0; i < 10; i++) {
      await clock.advance(100);
      FakeWebSocket.last.receive('anything');
    }
    expect(FakeWebSocket.last.sent.filter((d) => d === '{"cmd":"echo"}').length).toBeGreaterThanOrEqual(5);
    expect(of('reconnecting')).toHaveLength(0);
    await clock.advance(400);
    expect(of('reconnecting')[0]?.error.code).toBe('HEARTBEAT_TIMEOUT');
  });
});

describe('outbox and sends', () => {
  it('queues sends during the ready gate and flushes them in order before the open event', async () => {
    const clock = new FakeClock();
    let openGate!: () => void;
    const { socket, events } = make({ ready: () => new Promise<void>((r) => (openGate = r)) }, clock);
    await clock.advance(0);
    FakeWebSocket.last.open();
    const sends = [socket.send('a'), socket.send('b')];
    expect(FakeWebSocket.last.sent).toEqual([]);
    expect(socket.state).toBe('connecting');
    socket.on('open', () => void socket.send('from open'));
    openGate();
    await Promise.all(sends);
    expect(FakeWebSocket.last.sent).toEqual(['a', 'b', 'from open']);
    expect(events.map((e) => e[0])).toEqual(['open']);
    await socket.send(new Uint8Array([1, 2]));
    expect(FakeWebSocket.last.sent).toHaveLength(4);
  });

  it('expires queued messages after ttlMs by the clock', async () => {
    const clock = new FakeClock();
    const { socket } = make({ outbox: { ttlMs: 1_000 } }, clock);
    let outcome = 'pending';
    socket.send('x').then(
      () => (outcome = 'sent'),
      (e: { code?: unknown }) => (outcome = String(e.code)),
    );
    await clock.advance(999);
    expect(outcome).toBe('pending');
    await clock.advance(1);
    expect(outcome).toBe('OUTBOX_TTL');
    socket.close();
  });

  it('rejects data no WebSocket can send, and bad close codes', async () => {
    const clock = new FakeClock();
    const { socket } = make({}, clock);
    const bad = socket.send({ not: 'data' } as unknown as string);
    expect(() => socket.close(1006)).toThrow(TypeError);
    socket.close(4001, 'bye');
    await expect(bad).rejects.toBeInstanceOf(TypeError);
    await clock.advance(0);
    expect(FakeWebSocket.instances).toHaveLength(0); // closed before the first socket was even created
  });

  it('close() while connecting discards the socket and leaves nothing pending', async () => {
    const clock = new FakeClock();
    const { socket, of } = make({ outbox: { ttlMs: 10_000 }, heartbeat: { intervalMs: 10, timeoutMs: 30 } }, clock);
    await clock.advance(0);
    const pending = socket.send('x');
    socket.close(4000, 'logout');
    await expect(pending).rejects.toMatchObject({ kind: 'canceled', code: 'CLOSED' });
    expect(FakeWebSocket.last.closeArgs).toEqual([4000, 'logout']);
    expect(of('stopped')).toHaveLength(1);
    expect(clock.pending).toBe(0);
    FakeWebSocket.last.drop(1006); // a late event from the discarded socket
    expect(of('error')).toHaveLength(0);
  });
});

describe('one socket at a time, wake-ups', () => {
  it('reconnect() discards the current socket first and ignores its late events', async () => {
    const clock = new FakeClock();
    const { socket, of } = make({}, clock);
    await clock.advance(0);
    const first = FakeWebSocket.last;
    first.open();
    socket.reconnect();
    expect(first.discarded).toBe('close');
    await clock.advance(0);
    expect(FakeWebSocket.instances).toHaveLength(2);
    first.drop(4111);
    first.receive('stale');
    expect(of('error')).toHaveLength(0);
    expect(of('message')).toHaveLength(0);
    FakeWebSocket.last.open();
    expect(socket.state).toBe('open');
  });

  it('reconnects at once when the browser comes online or the page becomes visible, and unhooks when stopped', async () => {
    const target = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
    const g = globalThis as { addEventListener?: unknown; removeEventListener?: unknown; document?: unknown };
    g.addEventListener = target.addEventListener.bind(target);
    g.removeEventListener = target.removeEventListener.bind(target);
    g.document = doc;
    try {
      const clock = new FakeClock();
      const { socket } = make({ reconnect: { baseDelayMs: 60_000, maxDelayMs: 60_000 } }, clock);
      expect(getEventListeners(target, 'online')).toHaveLength(1);
      await clock.advance(0);
      FakeWebSocket.last.fail();
      expect(socket.state).toBe('reconnecting');
      target.dispatchEvent(new Event('online'));
      await clock.advance(0);
      expect(FakeWebSocket.instances).toHaveLength(2);
      FakeWebSocket.last.fail();
      doc.dispatchEvent(new Event('visibilitychange')); // still hidden
      await clock.advance(0);
      expect(FakeWebSocket.instances).toHaveLength(2);
      doc.visibilityState = 'visible';
      doc.dispatchEvent(new Event('visibilitychange'));
      await clock.advance(0);
      expect(FakeWebSocket.instances).toHaveLength(3);
      FakeWebSocket.last.open();
      target.dispatchEvent(new Event('online')); // open: nothing to do
      expect(FakeWebSocket.instances).toHaveLength(3);
      socket.close();
      expect(getEventListeners(target, 'online')).toHaveLength(0);
      expect(getEventListeners(doc, 'visibilitychange')).toHaveLength(0);
      expect(clock.pending).toBe(0);
    } finally {
      delete g.addEventListener;
      delete g.removeEventListener;
      delete g.document;
    }
  });
});

describe('the acknowledged outbox', () => {
  /** LeanCloud IM's shape: outgoing `{ i, … }`, acknowledged by `{ cmd: 'ack', i }`. */
  const ack = {
    id: (data: unknown) => (JSON.parse(String(data)) as { i?: number }).i,
    acked: (data: unknown) => {
      const m = JSON.parse(String(data)) as { cmd?: string; i?: number | number[] };
      return m.cmd === 'ack' ? m.i : undefined;
    },
  };
  const msg = (i: number | undefined): string => JSON.stringify({ i, cmd: 'direct' });
  const acks = (...i: number[]): string => JSON.stringify({ cmd: 'ack', i: i.length === 1 ? i[0] : i });

  async function opened(options: ReconnectingSocketOptions = {}) {
    const clock = new FakeClock();
    const made = make({ outbox: { ack }, ...options }, clock);
    await clock.advance(0);
    FakeWebSocket.last.open();
    return { ...made, clock };
  }

  it('resolves send() on the acknowledgement, not on the hand-over', async () => {
    const { socket } = await opened();
    let done = false;
    const sent = socket.send(msg(1)).then(() => (done = true));
    expect(FakeWebSocket.last.sent).toEqual([msg(1)]);
    await flush();
    expect(done).toBe(false);
    expect(socket.queued).toBe(1);
    FakeWebSocket.last.receive(acks(1));
    await sent;
    expect(socket.queued).toBe(0);
  });

  it('resends what was not acknowledged on the next connection, in order, before newer messages, never twice on one', async () => {
    const { socket, clock } = await opened();
    const first = FakeWebSocket.last;
    const sends = [1, 2, 3].map((i) => socket.send(msg(i)));
    first.receive(acks(1));
    first.drop(1006);
    sends.push(socket.send(msg(4))); // while disconnected
    await clock.advance(clock.nextDelay ?? 0);
    const second = FakeWebSocket.last;
    second.open();
    sends.push(socket.send(msg(5))); // open: after the resends
    expect(first.sent).toEqual([msg(1), msg(2), msg(3)]);
    expect(second.sent).toEqual([msg(2), msg(3), msg(4), msg(5)]);
    second.receive(acks(2, 3, 4, 5));
    await Promise.all(sends);
    expect(socket.queued).toBe(0);
  });

  it('a message without a key is done once handed over and never resent; unknown keys are ignored', async () => {
    const { socket, clock } = await opened();
    const plain = socket.send(msg(undefined));
    const keyed = socket.send(msg(7));
    await plain;
    FakeWebSocket.last.receive(acks(99));
    FakeWebSocket.last.drop(1006);
    await clock.advance(clock.nextDelay ?? 0);
    FakeWebSocket.last.open();
    expect(FakeWebSocket.last.sent).toEqual([msg(7)]);
    FakeWebSocket.last.receive(acks(7));
    await keyed;
  });

  it('counts unacknowledged messages against the limits, also while open', async () => {
    const { socket } = await opened({ outbox: { ack, maxMessages: 2 } });
    void socket.send(msg(1));
    void socket.send(msg(2));
    await expect(socket.send(msg(3))).rejects.toMatchObject({ code: 'OUTBOX_FULL' });
    FakeWebSocket.last.receive(acks(1));
    await flush();
    const third = socket.send(msg(3)); // room again
    expect(socket.queued).toBe(2);
    FakeWebSocket.last.receive(acks(2, 3));
    await third;
  });

  it('rejects a message not acknowledged within ttlMs (it may have arrived: retry idempotent)', async () => {
    const { socket, clock } = await opened({ outbox: { ack, ttlMs: 1_000 } });
    const sent = socket.send(msg(1));
    await clock.advance(1_000);
    await expect(sent).rejects.toMatchObject({ code: 'OUTBOX_TTL', retry: 'idempotent' });
  });

  it('an ack reader that throws is reported and changes nothing else', async () => {
    const { socket, of } = await opened();
    const sent = socket.send(msg(1));
    FakeWebSocket.last.receive('not json');
    expect(of('error')).toHaveLength(1);
    expect(socket.state).toBe('open');
    FakeWebSocket.last.receive(acks(1));
    await sent;
  });

  it('needs both readers', () => {
    expect(() => make({ outbox: { ack: { id: ack.id } as never } })).toThrow('faultline: ReconnectingSocket.outbox.ack must be an object with id and acked functions, got an object');
    expect(() => make({ outbox: { ack: null as never } })).toThrow(/outbox\.ack must be an object with id and acked functions, got null/);
  });
});

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
