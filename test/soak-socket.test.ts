/**
 * The short socket soak (the full one is `npm run soak`): 100 forced drops across 10
 * ReconnectingSockets (ws and undici alternating) sending numbered messages, then kicks and close().
 */
import { describe, expect, it } from 'vitest';
import { activeResources, countUnhandledRejections, settleResources } from '../soak/observe.js';
import { compareFrames, runSocketSoak } from '../soak/socket-soak.js';

describe('short socket soak', () => {
  it('100 drops across 10 sockets: nothing lost, duplicated or reordered, one socket at a time, no reconnect after a kick or close()', async () => {
    const baseline = activeResources();
    const unhandled = countUnhandledRejections();
    const f = await runSocketSoak({ clients: 10, drops: 100, seed: 3 });
    unhandled.stop();
    expect(f.samples).toEqual([]);
    expect(f.drops).toBe(100);
    expect(f.app.issued).toBeGreaterThan(500);
    expect(f.app.lost).toBe(0);
    expect(f.app.duplicated).toBe(0);
    expect(f.app.reordered).toBe(0);
    expect(f.wire.midStreamLost).toBe(0);
    expect(f.wire.duplicated).toBe(0);
    expect(f.wire.reordered).toBe(0);
    expect(f.wire.unexpected).toBe(0);
    expect(f.wire.received + f.wire.tailLost).toBe(f.wire.handed);
    expect(f.sendsRejected).toBe(0);
    expect(f.maxConcurrentPerClient).toBe(1);
    expect(f.kicked).toBe(5);
    expect(f.stoppedAfterKick).toBe(5);
    expect(f.reconnectsAfterKick).toBe(0);
    expect(f.closed).toBe(5);
    expect(f.reconnectsAfterClose).toBe(0);
    expect(f.leakSamples).toEqual([]);
    expect(f.checkedEvents).toBeGreaterThan(200);
    expect(unhandled.count).toBe(0);
    expect(Object.fromEntries(await settleResources(baseline))).toEqual({});
  }, 60_000);

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
});
