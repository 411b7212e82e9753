import type { Clock } from '../../src/clock.js';
import type { HeartbeatOptions } from './types.js';

/**
 * Probes every `intervalMs`; declares the peer dead when a probe stays unanswered for `timeoutMs`.
 * Decisions compare timestamps, not timer counts: a timer throttled in a background tab fires late
 * but still sees how long the probe has waited, and a late tick after a healthy answer does not
 * count as a miss.
 */
export function startHeartbeat(
  options: HeartbeatOptions,
  clock: Clock,
  probe: () => void,
  dead: () => void,
): { alive(): void; stop(): void } {
  const { intervalMs, timeoutMs } = options;
  let sentAt = clock.now();
  let unansweredSince: number | undefined;
  let timer: unknown;

  const schedule = (ms: number): void => {
    timer = clock.setTimeout(tick, ms);
  };
  function tick(): void {
    const now = clock.now();
    if (unansweredSince !== undefined) {
      const left = unansweredSince + timeoutMs - now;
      return left <= 0 ? dead() : schedule(left);
    }
    const wait = sentAt + intervalMs - now;
    if (wait > 0) return schedule(wait);
    unansweredSince = sentAt = now;
    try {
      probe();
    } catch {
      // A probe that cannot be sent is simply not answered: the timeout decides.
    }
    schedule(Math.min(intervalMs, timeoutMs));
  }

  schedule(intervalMs);
  return {
    alive: () => void (unansweredSince = undefined),
    stop: () => clock.clearTimeout(timer),
  };
}
