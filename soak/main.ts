/**
 * `npm run soak`: the HTTP soak through every adapter, then the socket soak, then the report.
 * Returns the exit code: 1 when any acceptance figure fails. The heap is measured once everything
 * has run (both soaks, servers closed), against a baseline taken after a warm-up of both.
 *
 *   node --expose-gc .soak/run.mjs [--requests 10000] [--concurrency 100] [--drops 1000] [--sockets 48] [--seed 1] [--speed 1]
 *
 * `--speed N` runs the socket soak's clock N times faster than real time (default 1: real time).
 */
import { startChaosServer } from './chaos-server.js';
import { ADAPTERS } from './http-clients.js';
import { runHttpSoak, type HttpSoakFigures, type HttpSoakOptions } from './http-soak.js';
import { activeResources, countUnhandledRejections, hasGc, heapAfterGc, settleResources } from './observe.js';
import { formatChecks, httpChecks, httpDetails, processChecks, socketChecks, socketDetails, type Check } from './report.js';
import { runSocketSoak } from './socket-soak.js';

export interface SoakArgs {
  requests: number;
  concurrency: number;
  drops: number;
  sockets: number;
  seed: number;
  warmup: number;
  speed: number;
}

export function parseSoakArgs(argv: readonly string[]): SoakArgs {
  const args: SoakArgs = { requests: 10_000, concurrency: 100, drops: 1_000, sockets: 48, seed: 1, warmup: 3_000, speed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]?.replace(/^--/, '') as keyof SoakArgs;
    const value = Number(argv[i + 1]);
    if (!(name in args) || !Number.isInteger(value) || value < (name === 'speed' ? 1 : 0)) throw new TypeError(`soak: bad argument ${String(argv[i])} ${String(argv[i + 1])}`);
    args[name] = value;
    i++;
  }
  return args;
}

export async function main(argv: readonly string[], print: (line: string) => void = console.log): Promise<number> {
  const args = parseSoakArgs(argv);
  const started = performance.now();
  // stdout/stderr get their handle on first use: open them before the baseline is taken.
  print(`soak: seed ${args.seed}, node ${process.version}`);
  process.stderr.write('');
  const handlesBaseline = activeResources();
  const unhandled = countUnhandledRejections();
  const checks: Check[] = [];
  if (!hasGc()) print('warning: run with --expose-gc to measure the heap');

  const server = await startChaosServer({ seed: args.seed });
  const options: HttpSoakOptions = { requests: args.requests, concurrency: args.concurrency, seed: args.seed };
  // Warm-up: JIT, connection pools and module state (ws, undici's WebSocket) exist before the baseline is taken.
  for (const adapter of ADAPTERS) await runHttpSoak(adapter, server, { ...options, requests: args.warmup });
  await runSocketSoak({ clients: 8, drops: 40, seed: args.seed + 1, speed: 50, quietMs: 50 });
  const heapBaseline = hasGc() ? await heapAfterGc() : undefined;

  const results: HttpSoakFigures[] = [];
  for (const adapter of ADAPTERS) {
    print(`http soak: ${adapter}, ${args.requests} requests at concurrency ${args.concurrency}…`);
    results.push(await runHttpSoak(adapter, server, options));
  }
  await server.close();

  print(`socket soak: ${args.sockets} sockets (default options; half with the acknowledged outbox), ${args.drops} forced drops${args.speed === 1 ? ' in real time' : ` at ${args.speed}× speed`}…`);
  const socket = await runSocketSoak({ clients: args.sockets, drops: args.drops, seed: args.seed, speed: args.speed });
  const heapAfter = hasGc() ? await heapAfterGc() : undefined;

  const handlesLeft = await settleResources(handlesBaseline);
  unhandled.stop();

  print('');
  print('== HTTP soak ==');
  for (const figures of results) {
    const own = httpChecks(figures);
    checks.push(...own);
    for (const line of formatChecks(own)) print(line);
    for (const line of httpDetails(figures)) print(line);
  }
  print('');
  print('== socket soak ==');
  const socketOwn = socketChecks(socket);
  checks.push(...socketOwn);
  for (const line of formatChecks(socketOwn)) print(line);
  for (const line of socketDetails(socket)) print(line);
  print('');
  print('== process ==');
  const processOwn = processChecks({
    unhandledRejections: unhandled.count,
    unhandledSamples: unhandled.samples,
    heapBaseline,
    heapAfter,
    heapTolerance: 0.1,
    handlesLeft,
  });
  checks.push(...processOwn);
  for (const line of formatChecks(processOwn)) print(line);
  const failed = checks.filter((c) => !c.ok).length;
  print('');
  print(`${failed === 0 ? 'soak passed' : `soak FAILED: ${failed} of ${checks.length} checks`} in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${args.seed})`);
  return failed === 0 ? 0 : 1;
}
