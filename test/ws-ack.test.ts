/**
 * Delivery semantics against a real ws server: without `outbox.ack`, send() means "handed over"
 * and a drop loses what was in flight; with it, send() means "acknowledged" and nothing is lost.
 *
 * The server crashes deterministically, not by wall time: on each connection it processes a
 * seeded number of messages (the last one without acknowledging it, as if it crashed before the
 * ack), and drops the connection when the next one arrives, never processing that one (lost in
 * flight). Reconnect delays run on a FakeClock advanced at each 'reconnecting'.
 */
import { describe, expect, it } from 'vitest';
import type { OutboxAck, ReconnectingSocketOptions } from '../adapters/ws.js';
import { FakeClock, seededRandom } from './helpers/fake-clock.js';
import { client, closeEverythingAfterEach, IMPLEMENTATIONS } from './helpers/ws-client.js';
import { startServer, type TestServer } from './helpers/ws-server.js';

closeEverythingAfterEach();

/** LeanCloud IM's shape: outgoing `{ cmd: 'direct', i }`, acknowledged by `{ cmd: 'ack', i }`. */
const ack: OutboxAck = {
  id: (data) => (JSON.parse(String(data)) as { i?: number }).i,
  acked: (data) => {
    const m = JSON.parse(String(data)) as { cmd?: string; i?: number };
    return m.cmd === 'ack' ? m.i : undefined;
  },
};
const message = (i: number): string => JSON.stringify({ cmd: 'direct', i });

interface CrashingServer {
  /** Ids processed, per connection, in arrival order. */
  readonly arrivals: number[][];
  /** Ids the server acknowledged (it sent an ack frame). */
  readonly acked: Set<number>;
  drops: number;
  /** Stop crashing: process and acknowledge everything. */
  heal(): void;
}

/** Each connection: process `n` messages (1 ≤ n ≤ maxProcessed; the n-th unacknowledged), then drop at the next arrival. */
function crashing(server: TestServer, maxDrops: number, maxProcessed: number, seed: number): CrashingServer {
  const random = seededRandom(seed);
  const state: CrashingServer = {
    arrivals: [],
    acked: new Set(),
    drops: 0,
    heal: () => void (state.drops = maxDrops),
  };
  server.onConnection = (socket) => {
    const seen: number[] = [];
    state.arrivals.push(seen);
    const crashAt = 1 + Math.floor(random() * maxProcessed);
    let dead = false;
    socket.on('message', (data) => {
      if (dead) return;
      const { i } = JSON.parse(String(data)) as { i: number };
      const crashing = state.drops < maxDrops;
      if (crashing && seen.length === crashAt) {
        dead = true;
        state.drops++;
        socket.terminate(); // this message arrived but is never processed
        return;
      }
      seen.push(i);
      if (crashing && seen.length === crashAt) return; // processed, crashed before the ack
      state.acked.add(i);
      socket.send(JSON.stringify({ cmd: 'ack', i }));
    });
  };
  return state;
}

/** Ids in the order the server first saw them, and those it saw twice on one connection or out of order on one. */
function audit(arrivals: readonly (readonly number[])[]) {
  const first: number[] = [];
  const seen = new Set<number>();
  let repeats = 0;
  let disorderedOnOneConnection = 0;
  for (const list of arrivals) {
    for (let k = 0; k < list.length; k++) {
      const i = list[k] as number;
      if (k > 0 && i <= (list[k - 1] as number)) disorderedOnOneConnection++;
      if (seen.has(i)) repeats++;
      else {
        seen.add(i);
        first.push(i);
      }
    }
  }
  return { first, repeats, disorderedOnOneConnection };
}

describe.each(IMPLEMENTATIONS)('delivery over %s', (_name, Impl) => {
  it('with the acknowledged outbox, 500 drops lose nothing: send() resolves exactly for what the server acknowledged, each id reaches it at least once, in order', async () => {
    const server = await startServer();
    const DROPS = 500;
    const WINDOW = 6;
    const crash = crashing(server, DROPS, WINDOW - 1, 13);
    const clock = new FakeClock({ seed: 5 });
    const options: ReconnectingSocketOptions = { WebSocket: Impl, clock, outbox: { ack } }; // otherwise the defaults
    const rec = client(server.url, options);

    let issued = 0;
    const pending = new Set<number>();
    const resolvedUnacked: number[] = [];
    const settled: Promise<void>[] = [];
    const issue = (): void => {
      const i = ++issued;
      pending.add(i);
      settled.push(
        rec.socket.send(message(i)).then(() => {
          // Resolved means acknowledged by the server, never merely sent.
          if (!crash.acked.has(i)) resolvedUnacked.push(i);
          pending.delete(i);
          // A new message for each one done, while the server keeps crashing: always WINDOW in flight.
          // (Bounded: a send() that resolved without an ack would otherwise issue forever.)
          if (crash.drops < DROPS && issued < 20 * DROPS) issue();
        }),
      );
    };
    for (let k = 0; k < WINDOW; k++) issue();
    rec.socket.on('reconnecting', ({ delayMs }) => {
      // Some sends are made while disconnected, too.
      if (crash.drops < DROPS && pending.size < 2 * WINDOW) issue();
      void clock.advance(delayMs);
    });
    const stopped = new Promise<never>((_, reject) => rec.socket.on('stopped', ({ error }) => reject(error)));
    stopped.catch(() => {}); // the close() after the test stops it too
    await Promise.race([rec.nth('reconnecting', DROPS, 60_000), stopped]);
    crash.heal();
    await Promise.all(settled);

    expect(rec.of('stopped')).toEqual([]);
    expect(crash.drops).toBe(DROPS);
    expect(resolvedUnacked).toEqual([]);
    expect(pending.size).toBe(0);
    const all = Array.from({ length: issued }, (_, k) => k + 1);
    expect([...crash.acked].sort((a, b) => a - b)).toEqual(all); // acknowledged ⇔ resolved: every one of both
    const { first, repeats, disorderedOnOneConnection } = audit(crash.arrivals);
    expect(first).toEqual(all); // each id at least once, first arrivals in send order
    expect(disorderedOnOneConnection).toBe(0); // never twice, never out of order on one connection
    expect(repeats).toBeGreaterThanOrEqual(DROPS); // the unacknowledged last message of every crash came again
    expect(issued).toBeGreaterThan(DROPS);
    expect(rec.socket.queued).toBe(0);
  }, 90_000);

  it('without it, send() means handed over: what was in flight at a drop is lost, never duplicated or reordered', async () => {
    const server = await startServer();
    const DROPS = 20;
    const BURST = 6;
    const crash = crashing(server, DROPS, BURST - 1, 17);
    const clock = new FakeClock({ seed: 5 });
    const rec = client(server.url, { WebSocket: Impl, clock });
    let issued = 0;
    const resolved = new Set<number>();
    // A burst on every open: the server processes some, and drops the connection under the rest.
    rec.socket.on('open', () => {
      for (let k = 0; k < BURST; k++) {
        const i = ++issued;
        void rec.socket.send(message(i)).then(() => resolved.add(i));
      }
    });
    rec.socket.on('reconnecting', ({ delayMs }) => void clock.advance(delayMs));
    await rec.nth('reconnecting', DROPS);
    crash.heal();
    await rec.nth('open', DROPS + 1);
    await new Promise<void>((resolve) => {
      const check = (): void => (crash.arrivals.at(-1)?.length === BURST ? resolve() : void setTimeout(check, 5));
      check();
    });

    const { first, repeats, disorderedOnOneConnection } = audit(crash.arrivals);
    const lost = [...resolved].filter((i) => !first.includes(i));
    expect(resolved.size).toBe(issued); // every send() resolved: handed over
    expect(lost.length).toBeGreaterThanOrEqual(DROPS); // …and at least the one each crash swallowed never arrived
    expect(repeats).toBe(0);
    expect(disorderedOnOneConnection).toBe(0);
    expect([...first].sort((a, b) => a - b)).toEqual(first);
  }, 60_000);
});
