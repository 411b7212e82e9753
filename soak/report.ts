/** Acceptance checks and the printed report of both soaks. */
import type { HttpSoakFigures } from './http-soak.js';
import type { SocketSoakFigures } from './socket-soak.js';

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly value: string;
}

const pct = (part: number, whole: number): string => (whole === 0 ? '100%' : `${((100 * part) / whole).toFixed(part === whole ? 0 : 2)}%`);
const ms = (value: number): string => `${Math.round(value)} ms`;
const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** The acceptance figures of one adapter's run. */
export function httpChecks(f: HttpSoakFigures): Check[] {
  return [
    { name: `${f.adapter}: calls settled within deadline + grace`, ok: f.settledInTime === f.requests, value: `${f.settledInTime}/${f.requests} (${pct(f.settledInTime, f.requests)}; max ${ms(f.maxSettleMs)} vs ${ms(f.deadlineMs)} + ${ms(f.graceMs)})` },
    { name: `${f.adapter}: typed-error share`, ok: f.typed === f.rejected, value: `${f.typed}/${f.rejected} (${pct(f.typed, f.rejected)})` },
    { name: `${f.adapter}: duplicate non-idempotent writes`, ok: f.duplicatePlainWrites === 0, value: String(f.duplicatePlainWrites) },
    { name: `${f.adapter}: keyed writes applied twice`, ok: f.keyedDoubleApplied === 0, value: `${f.keyedDoubleApplied} (${f.keyedReplays} keyed repeats deduped by the server)` },
    { name: `${f.adapter}: leaked secrets`, ok: f.leaks === 0, value: `${f.leaks} (checked ${f.checked.errors} errors, ${f.checked.retryEvents} onRetry, ${f.checked.giveUpEvents} onGiveUp, ${f.checked.diagnostics} channel messages)` },
  ];
}

export function httpDetails(f: HttpSoakFigures): string[] {
  const kinds = Object.entries(f.kinds).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  const reasons = Object.entries(f.giveUpReasons).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  const faults = Object.entries(f.faults).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
  const lines = [
    `  ${f.requests} requests in ${(f.durationMs / 1000).toFixed(1)} s; settle p50 ${ms(f.p50SettleMs)}, p99 ${ms(f.p99SettleMs)}, max ${ms(f.maxSettleMs)}`,
    `  succeeded ${f.succeeded}, rejected ${f.rejected}; ${f.retriedRequests} requests reached the server more than once`,
    `  error kinds: ${kinds || 'none'}`,
    `  give-up reasons: ${reasons || 'none'}`,
    `  faults served: ${faults}`,
    `  2xx bodies that failed while the app read them (outside the adapter): ${f.bodyReadFailures}${f.bodyReadSamples.length ? ` e.g. ${f.bodyReadSamples[0]}` : ''}`,
  ];
  for (const sample of f.untypedSamples) lines.push(`  untyped rejection: ${sample}`);
  for (const sample of f.unknownSamples) lines.push(`  unclassified (UnknownError): ${sample}`);
  for (const sample of f.leakSamples) lines.push(`  leak: ${sample}`);
  return lines;
}

export interface ProcessFigures {
  unhandledRejections: number;
  unhandledSamples: string[];
  /** undefined when the soak ran without --expose-gc. */
  heapBaseline?: number;
  heapAfter?: number;
  /** Allowed growth over the baseline (0.1 = 10%). */
  heapTolerance: number;
  handlesLeft: Map<string, number>;
}

export function processChecks(p: ProcessFigures): Check[] {
  const checks: Check[] = [
    { name: 'unhandled rejections', ok: p.unhandledRejections === 0, value: `${p.unhandledRejections}${p.unhandledSamples.length ? ` (${p.unhandledSamples.join('; ')})` : ''}` },
  ];
  if (p.heapBaseline !== undefined && p.heapAfter !== undefined) {
    const growth = (p.heapAfter - p.heapBaseline) / p.heapBaseline;
    checks.push({
      name: `heap after GC within ${Math.round(p.heapTolerance * 100)}% of baseline`,
      ok: growth <= p.heapTolerance,
      value: `${mb(p.heapBaseline)} → ${mb(p.heapAfter)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%)`,
    });
  } else {
    checks.push({ name: 'heap after GC (needs --expose-gc)', ok: false, value: 'not measured' });
  }
  const left = [...p.handlesLeft].map(([type, n]) => `${type} ×${n}`).join(', ');
  let total = 0;
  for (const n of p.handlesLeft.values()) total += n;
  checks.push({ name: 'active handles left beyond the baseline', ok: total === 0, value: total === 0 ? '0' : `${total} (${left})` });
  return checks;
}

export function socketChecks(f: SocketSoakFigures): Check[] {
  return [
    { name: 'socket: forced drops', ok: f.drops >= f.targetDrops, value: `${f.drops}/${f.targetDrops}` },
    { name: 'socket: lost messages (app level)', ok: f.app.lost === 0, value: `${f.app.lost} of ${f.app.issued}` },
    { name: 'socket: duplicated messages (app level)', ok: f.app.duplicated === 0, value: String(f.app.duplicated) },
    { name: 'socket: reordered messages (app level)', ok: f.app.reordered === 0, value: String(f.app.reordered) },
    { name: 'socket: frames lost mid-connection (library)', ok: f.wire.midStreamLost === 0, value: String(f.wire.midStreamLost) },
    { name: 'socket: frames duplicated by the library', ok: f.wire.duplicated === 0, value: String(f.wire.duplicated) },
    { name: 'socket: frames out of hand-over order (library)', ok: f.wire.reordered === 0, value: String(f.wire.reordered) },
    { name: 'socket: frames received but never handed over', ok: f.wire.unexpected === 0, value: String(f.wire.unexpected) },
    { name: 'socket: sends rejected', ok: f.sendsRejected === 0, value: String(f.sendsRejected) },
    { name: 'socket: max concurrent sockets per client', ok: f.maxConcurrentPerClient <= 1, value: String(f.maxConcurrentPerClient) },
    { name: 'socket: reconnects after a 4111 kick', ok: f.reconnectsAfterKick === 0, value: `${f.reconnectsAfterKick} (${f.kicked} clients kicked, ${f.stoppedAfterKick} stopped as session_replaced)` },
    { name: 'socket: reconnects after close()', ok: f.reconnectsAfterClose === 0, value: `${f.reconnectsAfterClose} (${f.closed} clients closed)` },
    { name: 'socket: leaked secrets', ok: f.leaks === 0, value: `${f.leaks} (checked ${f.checkedEvents} events)` },
  ];
}

export function socketDetails(f: SocketSoakFigures): string[] {
  const codes = Object.entries(f.closeCodes).map(([c, n]) => `${c} ${n}`).join(', ');
  const lines = [
    `  ${f.clients} sockets, ${f.drops} drops (${codes}) in ${(f.durationMs / 1000).toFixed(1)} s; ${f.connections} connections, ${f.reconnectingEvents} reconnecting events`,
    `  messages: ${f.app.issued} issued, ${f.app.delivered} delivered once to the app, ${f.app.resent} resent after reconnects, ${f.app.duplicateArrivals} repeats dropped by the server's dedupe`,
    `  frames: ${f.wire.handed} handed to open sockets, ${f.wire.received} received, ${f.wire.tailLost} lost in flight when their connection was dropped (recovered by resends)`,
  ];
  for (const sample of f.samples) lines.push(`  ${sample}`);
  for (const sample of f.leakSamples) lines.push(`  leak: ${sample}`);
  return lines;
}

export function formatChecks(checks: readonly Check[]): string[] {
  return checks.map((c) => `${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.value}`);
}
