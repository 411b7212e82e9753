/**
 * The short socket soak (the full one is `npm run soak`): 80 forced drops at random connection
 * ages from 0 ms up across 8 ReconnectingSockets with their default options (ws and undici, with
 * and without the acknowledged outbox), then kicks and close(). The sockets' and the server's
 * clock runs 50× faster than real time, so minUptime, the backoff and its 30 s cap all play out;
 * only invariants are asserted, none of which depends on how fast the machine is.
 */
import { describe, expect, it } from 'vitest';
import { activeResources, countUnhandledRejections, settleResources } from '../soak/observe.js';
import { socketChecks } from '../soak/report.js';
import { auditArrivals, compareFrames, runSocketSoak, type SocketSoakFigures } from '../soak/socket-soak.js';

describe('short socket soak', () => {
  it('80 drops at random ages from 0 ms up: no socket stops, nothing acknowledged is lost, only in-flight tails without ack, nothing duplicated or reordered', async () => {
    const baseline = activeResources();
    const unhandled = countUnhandledRejections();
    const f = await runSocketSoak({ clients: 8, drops: 80, seed: 3, speed: 50 });
    unhandled.stop();
    expect(f.samples).toEqual([]);
    expect(f.drops).toBe(80);
    expect(f.dropAges.flap).toBeGreaterThanOrEqual(8); // every socket's first connection, at least
    expect(f.stoppedEarlySamples).toEqual([]);
    expect(f.stoppedEarly).toBe(0);

    const { acked: a, plain: p } = f;
    expect([a.sockets, p.sockets]).toEqual([4, 4]);
    expect(a.issued).toBeGreaterThan(0);
    expect(a.lost).toBe(0);
    expect(a.resolvedBeforeAck).toBe(0);
    expect(a.unsettled).toBe(0);
    expect(a.duplicatedOnOneConnection).toBe(0);
    expect(a.reordered).toBe(0);
    expect(p.issued).toBeGreaterThan(0);
    expect(p.midStreamLost).toBe(0);
    expect(p.unexpected).toBe(0);
    expect(p.lost).toBe(p.lostInFlight);
    expect(p.unsettled).toBe(0);
    expect(p.duplicatedOnOneConnection + p.repeatsAcrossConnections).toBe(0);
    expect(p.reordered).toBe(0);
    for (const d of [a, p]) expect(Object.keys(d.refused).filter((code) => code !== 'OUTBOX_FULL')).toEqual([]);

    expect(f.maxConcurrentPerClient).toBe(1);
    expect(f.kicked).toBe(4);
    expect(f.stoppedAfterKick).toBe(4);
    expect(f.reconnectsAfterKick).toBe(0);
    expect(f.closed).toBe(4);
    expect(f.reconnectsAfterClose).toBe(0);
    expect(f.leakSamples).toEqual([]);
    expect(f.checkedEvents).toBeGreaterThan(80);
    expect(socketChecks(f).filter((c) => !c.ok)).toEqual([]);
    expect(unhandled.count).toBe(0);
    expect(Object.fromEntries(await settleResources(baseline))).toEqual({});
  }, 120_000);

  it('the report fails a soak in which a socket stopped while the network flapped', () => {
    const figures = { stoppedEarly: 1, stoppedEarlySamples: ['client 3: KICK_LOOP'], dropAges: { flap: 5, young: 0, stable: 0 } } as Partial<SocketSoakFigures>;
    const check = socketChecks({ ...emptyFigures(), ...figures }).find((c) => c.name.includes('flapped'));
    expect(check).toMatchObject({ ok: false, value: expect.stringContaining('KICK_LOOP') });
  });

  it('the frame comparison tells a dropped tail from loss, duplication, reordering and strays', () => {
    const handed = new Map([
      [1, [1, 2, 3, 4]],
      [2, [5, 6, 7]],
    ]);
    expect(compareFrames(handed, new Map([[1, [1, 2]], [2, [5, 6, 7]]]))).toMatchObject({ tailLost: 2, midStreamLost: 0, duplicated: 0, reordered: 0, unexpected: 0 });
    expect(compareFrames(handed, new Map([[1, [1, 3, 4]], [2, [5, 6, 7]]]))).toMatchObject({ midStreamLost: 1, tailLost: 0 });
    expect(compareFrames(handed, new Map([[1, [1, 2, 2, 3, 4]], [2, [5, 6, 7]]]))).toMatchObject({ duplicated: 1 });
    expect(compareFrames(handed, new Map([[1, [1, 3, 2, 4]], [2, [5, 6, 7]]]))).toMatchObject({ reordered: 1 });
    expect(compareFrames(handed, new Map([[1, [1, 2, 3, 4, 5]], [2, [6, 7, 99]]]))).toMatchObject({ unexpected: 2 });
  });

  it('the arrival audit tells a resend on a later connection from a repeat on one and from reordering', () => {
    expect(auditArrivals(new Map([[1, [1, 2, 3]], [2, [3, 4]]]))).toMatchObject({ onOne: 0, across: 1, reordered: 0 });
    expect(auditArrivals(new Map([[1, [1, 2, 2]]]))).toMatchObject({ onOne: 1, across: 0 });
    expect(auditArrivals(new Map([[1, [1, 3]], [2, [2]]]))).toMatchObject({ reordered: 1 });
  });
});

function emptyFigures(): SocketSoakFigures {
  const delivery = {
    sockets: 1,
    issued: 1,
    resolved: 1,
    refused: {},
    lost: 0,
    lostInFlight: 0,
    midStreamLost: 0,
    unexpected: 0,
    duplicatedOnOneConnection: 0,
    repeatsAcrossConnections: 0,
    reordered: 0,
    resolvedBeforeAck: 0,
    unsettled: 0,
  };
  return {
    clients: 1,
    targetDrops: 1,
    drops: 1,
    dropAges: { flap: 1, young: 0, stable: 0 },
    closeCodes: {},
    connections: 1,
    reconnectingEvents: 1,
    maxDelayMs: 0,
    stoppedEarly: 0,
    stoppedEarlySamples: [],
    plain: { ...delivery },
    acked: { ...delivery },
    maxConcurrentPerClient: 1,
    kicked: 0,
    stoppedAfterKick: 0,
    reconnectsAfterKick: 0,
    closed: 0,
    reconnectsAfterClose: 0,
    leaks: 0,
    leakSamples: [],
    checkedEvents: 0,
    samples: [],
    durationMs: 0,
  };
}
