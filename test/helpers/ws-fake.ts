import type { WebSocketLike } from '../../adapters/ws.js';

type Handler = ((event: never) => void) | null;

/**
 * A scriptable WebSocket for unit tests driven by a FakeClock: the test opens, feeds and drops it.
 * Records whether a socket was created while an earlier one was still live.
 */
export class FakeWebSocket implements WebSocketLike {
  static instances: FakeWebSocket[] = [];
  /** Times a socket was constructed while an earlier one was neither closed nor discarded. */
  static overlaps = 0;
  /** When set, new sockets get ping/terminate/on('pong') like ws. */
  static wsLike = false;

  static reset(wsLike = false): void {
    FakeWebSocket.instances = [];
    FakeWebSocket.overlaps = 0;
    FakeWebSocket.wsLike = wsLike;
  }

  static get last(): FakeWebSocket {
    const last = FakeWebSocket.instances.at(-1);
    if (!last) throw new Error('no FakeWebSocket was created');
    return last;
  }

  readyState = 0;
  binaryType = 'blob';
  onopen: Handler = null;
  onmessage: Handler = null;
  onerror: Handler = null;
  onclose: Handler = null;
  readonly sent: unknown[] = [];
  pings = 0;
  discarded: 'close' | 'terminate' | undefined;
  closeArgs: [number | undefined, string | undefined] | undefined;
  #pong: (() => void) | undefined;
  ping?: () => void;
  terminate?: () => void;
  on?: (event: 'pong', listener: () => void) => unknown;

  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {
    if (FakeWebSocket.instances.some((s) => s.readyState !== 3 && !s.discarded)) FakeWebSocket.overlaps++;
    FakeWebSocket.instances.push(this);
    if (FakeWebSocket.wsLike) {
      this.ping = () => void this.pings++;
      this.terminate = () => {
        this.discarded = 'terminate';
        this.readyState = 3;
      };
      this.on = (_event, listener) => (this.#pong = listener);
    }
  }

  send(data: unknown): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.discarded ??= 'close';
    this.closeArgs = [code, reason];
    if (this.readyState < 2) this.readyState = 2;
  }

  // Test drivers.
  open(): void {
    this.readyState = 1;
    (this.onopen as ((e: object) => void) | null)?.({});
  }
  receive(data: unknown): void {
    (this.onmessage as ((e: { data: unknown }) => void) | null)?.({ data });
  }
  pong(): void {
    this.#pong?.();
  }
  drop(code = 1006, reason = ''): void {
    this.readyState = 3;
    (this.onclose as ((e: { code: number; reason: string }) => void) | null)?.({ code, reason });
  }
  fail(error?: unknown): void {
    (this.onerror as ((e: { error?: unknown }) => void) | null)?.({ error });
    this.drop(1006);
  }
}
