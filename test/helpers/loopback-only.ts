import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll } from 'vitest';

/** One connection or name lookup the guard refused. */
export interface BlockedAttempt {
  /** The entry point that was called: 'net.connect', 'tls.connect', 'socket.connect', 'dns.lookup', … */
  via: string;
  host: string;
  port?: number;
}

export interface LoopbackGuard {
  /** Every refused attempt, in order. */
  readonly blocked: BlockedAttempt[];
  /** The distinct `host:port` (or host) strings refused, sorted: for printing and assertions. */
  hosts(): string[];
  restore(): void;
}

/** 127.0.0.0/8, ::1 and localhost: the only addresses a test may reach. */
export function isLoopback(host: string | undefined | null): boolean {
  if (host === undefined || host === null || host === '') return true; // Node's default is localhost
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    name === 'localhost' ||
    name === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  );
}

interface Target {
  host?: string;
  port?: number;
  path?: string;
}

// Socket#connect takes (options[, cb]), (port[, host][, cb]), (path[, cb]), or the array that
// net.connect() and tls.connect() pass after normalising their own arguments.
function targetOf(args: unknown[]): Target {
  let first = args[0];
  if (Array.isArray(first)) first = first[0];
  if (typeof first === 'object' && first !== null) {
    const o = first as { host?: unknown; hostname?: unknown; port?: unknown; path?: unknown };
    return {
      host: typeof o.host === 'string' ? o.host : typeof o.hostname === 'string' ? o.hostname : undefined,
      port: o.port === undefined ? undefined : Number(o.port),
      path: typeof o.path === 'string' ? o.path : undefined,
    };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { port: Number(first), host: typeof args[1] === 'string' ? args[1] : undefined };
  }
  if (typeof first === 'string') return { path: first };
  return {};
}

function lastFunction(args: unknown[]): ((error: Error) => void) | undefined {
  return [...args].reverse().find((a) => typeof a === 'function') as ((error: Error) => void) | undefined;
}

function networkError(code: string, syscall: string, host: string, port?: number): NodeJS.ErrnoException {
  const where = port === undefined ? host : `${host}:${port}`;
  return Object.assign(new Error(`${syscall} ${code} ${where} (loopback-only: this test may not leave 127.0.0.1)`), {
    code,
    errno: code === 'ENETUNREACH' ? -101 : -3008,
    syscall,
    hostname: host,
  });
}

/**
 * Makes every connection to an address other than loopback fail at once, in this process, and
 * records it. The one choke point is `net.Socket.prototype.connect`: net.connect, tls.connect,
 * http(s).request, the global fetch (Node's bundled undici) and the `undici` package all end there,
 * so a module that captured `net.connect` before the guard was installed is caught all the same.
 * The named entry points are wrapped only to say in the record which one was used. Name lookups
 * (`dns.lookup`, `dns.resolve*`, their promise forms) of other hosts fail with ENOTFOUND, and
 * UDP sends to other hosts fail with ENETUNREACH.
 *
 * A blocked socket is destroyed on the next tick with ENETUNREACH (code, errno, syscall 'connect'),
 * so a client sees what it would see on a machine without a route: an error, not a hang.
 */
export function installLoopbackOnly(): LoopbackGuard {
  const blocked: BlockedAttempt[] = [];
  let entry: string | undefined;
  const restorers: Array<() => void> = [];

  function patch<T extends object, K extends keyof T>(owner: T, key: K, replacement: T[K]): void {
    const original = owner[key];
    owner[key] = replacement;
    restorers.push(() => {
      owner[key] = original;
    });
  }

  const originalConnect = net.Socket.prototype.connect;
  patch(net.Socket.prototype, 'connect', function connect(this: net.Socket, ...args: unknown[]) {
    const target = targetOf(args);
    if (target.path !== undefined || isLoopback(target.host)) {
      return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
    }
    const host = target.host ?? '';
    blocked.push({ via: entry ?? 'socket.connect', host, port: target.port });
    const error = networkError('ENETUNREACH', 'connect', host, target.port);
    process.nextTick(() => this.destroy(error));
    return this;
  } as typeof net.Socket.prototype.connect);

  const tagged = <F extends (...args: never[]) => unknown>(name: string, original: F): F =>
    function (this: unknown, ...args: Parameters<F>) {
      const outer = entry;
      entry ??= name;
      try {
        return original.apply(this, args);
      } finally {
        entry = outer;
      }
    } as F;
  patch(net, 'connect', tagged('net.connect', net.connect));
  patch(net, 'createConnection', tagged('net.createConnection', net.createConnection));
  patch(tls, 'connect', tagged('tls.connect', tls.connect));

  const lookupBlocked = (via: string, host: string): NodeJS.ErrnoException => {
    blocked.push({ via, host });
    return networkError('ENOTFOUND', via.replace(/^dns\.(promises\.)?/, 'getaddrinfo/'), host);
  };

  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveTxt', 'resolveSrv'] as const) {
    const original = dns[name] as (...a: unknown[]) => unknown;
    patch(dns, name, function (this: unknown, ...args: unknown[]) {
      const host = args[0];
      if (typeof host !== 'string' || isLoopback(host)) return original.apply(this, args);
      const callback = lastFunction(args);
      const error = lookupBlocked(`dns.${name}`, host);
      if (callback) process.nextTick(() => callback(error));
      return undefined;
    } as never);
    const originalPromise = dns.promises[name] as (...a: unknown[]) => Promise<unknown>;
    patch(dns.promises, name, function (this: unknown, ...args: unknown[]) {
      const host = args[0];
      if (typeof host !== 'string' || isLoopback(host)) return originalPromise.apply(this, args);
      return Promise.reject(lookupBlocked(`dns.promises.${name}`, host));
    } as never);
  }

  const originalSend = dgram.Socket.prototype.send as (...a: unknown[]) => void;
  patch(dgram.Socket.prototype, 'send', function (this: dgram.Socket, ...args: unknown[]) {
    // send(msg, [offset, length,] port, address, cb): the address is the first string after the message.
    const address = args.slice(1).find((a) => typeof a === 'string') as string | undefined;
    if (address === undefined || isLoopback(address)) return originalSend.apply(this, args);
    const port = args.slice(1).filter((a) => typeof a === 'number').at(-1) as number | undefined;
    blocked.push({ via: 'dgram.send', host: address, port });
    const callback = lastFunction(args);
    const error = networkError('ENETUNREACH', 'send', address, port);
    process.nextTick(() => (callback ? callback(error) : this.emit('error', error)));
  } as typeof dgram.Socket.prototype.send);

  let restored = false;
  return {
    blocked,
    hosts: () => [...new Set(blocked.map((b) => (b.port === undefined ? b.host : `${b.host}:${b.port}`)))].sort(),
    restore() {
      if (restored) return;
      restored = true;
      for (const undo of restorers.reverse()) undo();
    },
  };
}

/** Installs the guard for the enclosing test file (or describe block) and removes it afterwards. */
export function useLoopbackOnly(): LoopbackGuard {
  let guard: LoopbackGuard | undefined;
  beforeAll(() => {
    guard = installLoopbackOnly();
  });
  afterAll(() => guard?.restore());
  return {
    get blocked() {
      return guard?.blocked ?? [];
    },
    hosts: () => guard?.hosts() ?? [],
    restore: () => guard?.restore(),
  };
}
