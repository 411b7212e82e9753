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

const counts = (record: Record<string, number>): string => Object.entries(record).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';

export function socketChecks(f: SocketSoakFigures): Check[] {
  const { plain: p, acked: a } = f;
  const refusedOnlyByLimits = (d: typeof p): boolean => Object.keys(d.refused).every((code) => code === 'OUTBOX_FULL');
  return [
    { name: 'socket: forced drops', ok: f.drops >= f.targetDrops, value: `${f.drops}/${f.targetDrops} (${f.dropAges.flap} within 15 ms of opening, ${f.dropAges.young} before minUptime, ${f.dropAges.stable} after)` },
    { name: 'socket: sockets that stopped while the network flapped', ok: f.stoppedEarly === 0 && f.dropAges.flap > 0, value: `${f.stoppedEarly} of ${f.clients}${f.stoppedEarlySamples.length ? ` (${f.stoppedEarlySamples.join('; ')})` : ''}` },
    { name: 'socket, ack outbox: messages lost', ok: a.lost === 0 && a.issued > 0, value: `${a.lost} of ${a.issued}` },
    { name: 'socket, ack outbox: send() resolved before the server acknowledged', ok: a.resolvedBeforeAck === 0, value: String(a.resolvedBeforeAck) },
    { name: 'socket, ack outbox: sends that never settled', ok: a.unsettled === 0, value: String(a.unsettled) },
    { name: 'socket, ack outbox: duplicated on one connection', ok: a.duplicatedOnOneConnection === 0, value: String(a.duplicatedOnOneConnection) },
    { name: 'socket, ack outbox: reordered', ok: a.reordered === 0, value: String(a.reordered) },
    { name: 'socket, ack outbox: refused only by the outbox limits', ok: refusedOnlyByLimits(a), value: counts(a.refused) },
    { name: 'socket, plain: lost mid-connection (only an in-flight tail may be)', ok: p.midStreamLost === 0 && p.unexpected === 0, value: `${p.midStreamLost} (+${p.unexpected} on the wrong connection)` },
    { name: 'socket, plain: sends that never settled', ok: p.unsettled === 0, value: String(p.unsettled) },
    { name: 'socket, plain: duplicated', ok: p.duplicatedOnOneConnection + p.repeatsAcrossConnections === 0, value: String(p.duplicatedOnOneConnection + p.repeatsAcrossConnections) },
    { name: 'socket, plain: reordered', ok: p.reordered === 0, value: String(p.reordered) },
    { name: 'socket, plain: refused only by the outbox limits', ok: refusedOnlyByLimits(p), value: counts(p.refused) },
    { name: 'socket: max concurrent sockets per client', ok: f.maxConcurrentPerClient <= 1, value: String(f.maxConcurrentPerClient) },
    { name: 'socket: reconnects after a 4111 kick', ok: f.reconnectsAfterKick === 0 && f.stoppedAfterKick === f.kicked, value: `${f.reconnectsAfterKick} (${f.kicked} clients kicked, ${f.stoppedAfterKick} stopped as session_replaced)` },
    { name: 'socket: reconnects after close()', ok: f.reconnectsAfterClose === 0, value: `${f.reconnectsAfterClose} (${f.closed} clients closed)` },
    { name: 'socket: leaked secrets', ok: f.leaks === 0, value: `${f.leaks} (checked ${f.checkedEvents} events)` },
  ];
}

export function socketDetails(f: SocketSoakFigures): string[] {
  const { plain: p, acked: a } = f;
  const lines = [
    `  ${f.clients} sockets with default options, ${f.drops} drops (${counts(f.closeCodes)}) in ${(f.durationMs / 1000).toFixed(1)} s; ${f.connections} connections, ${f.reconnectingEvents} reconnecting events, longest wait ${Math.round(f.maxDelayMs)} ms`,
    `  ack outbox (${a.sockets} sockets): ${a.issued} sent, ${a.resolved} acknowledged, ${a.repeatsAcrossConnections} sent again after a drop ate the ack (an IM server dedupes them by id)`,
    `  plain (${p.sockets} sockets): ${p.issued} sent, ${p.resolved} handed over, ${p.lost} of those lost (${p.lostInFlight} in flight when their connection dropped: handed over, not delivered)`,
  ];
  for (const sample of f.samples) lines.push(`  ${sample}`);
  for (const sample of f.leakSamples) lines.push(`  leak: ${sample}`);
  return lines;
}

export function formatChecks(checks: readonly Check[]): string[] {
  return checks.map((c) => `${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.value}`);
}
