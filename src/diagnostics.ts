/**
 * Events on Node's diagnostics_channel, for APMs and loggers that subscribe without configuring us.
 * The module is fetched lazily through `process.getBuiltinModule` (no static `node:` import, so
 * browsers and bundlers see nothing), and a message is built only when someone subscribes.
 * Payloads carry redacted error views (`toJSON()`), never raw causes or request configs.
 */

export const CHANNELS = {
  retry: 'faultline:retry',
  giveup: 'faultline:giveup',
  breaker: 'faultline:breaker',
} as const;

export type ChannelName = (typeof CHANNELS)[keyof typeof CHANNELS];

interface Channel {
  readonly hasSubscribers: boolean;
  publish(message: unknown): void;
}

interface DiagnosticsChannelModule {
  channel(name: string): Channel;
}

let channels: Map<string, Channel> | null | undefined;

function load(): Map<string, Channel> | null {
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const mod = proc?.getBuiltinModule?.('node:diagnostics_channel') as DiagnosticsChannelModule | undefined;
    if (!mod || typeof mod.channel !== 'function') return null;
    const map = new Map<string, Channel>();
    for (const name of Object.values(CHANNELS)) map.set(name, mod.channel(name));
    return map;
  } catch {
    return null;
  }
}

/** Whether publishing on `name` would reach anyone: lets callers skip building the message. */
export function hasSubscribers(name: ChannelName): boolean {
  if (channels === undefined) channels = load();
  return channels?.get(name)?.hasSubscribers === true;
}

/** Publishes `build()` on `name` if anyone listens; a subscriber's exception never reaches the caller. */
export function publish(name: ChannelName, build: () => unknown): void {
  if (!hasSubscribers(name)) return;
  try {
    channels?.get(name)?.publish(build());
  } catch {
    // Observability must not change the outcome of the call it observes.
  }
}
