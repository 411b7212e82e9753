import { createRequire } from 'node:module';

/**
 * A stand-in for a browser's XMLHttpRequest in Node, for SDKs that only speak XHR in a browser
 * (easemob-websdk). Built on the `xhr2` package, which follows the XHR spec's event order
 * (readystatechange to DONE, then load | error | timeout, then loadend), with two changes:
 *
 * - after a network error or a timeout `status` reads 0, as in a browser (xhr2 keeps the status
 *   of the headers it had already seen, e.g. 200 after a connection lost mid-body);
 * - an exception thrown by an event handler is reported (to `reportedErrors`, as a browser reports
 *   it to window.onerror) instead of escaping into Node's event loop; the other handlers still run;
 * - `timeout` can be capped, so a test can reach an SDK's own fixed timeout (easemob: 15 s, not
 *   configurable) without waiting for it: the SDK still sets its value, the request simply ends
 *   sooner, and the SDK handles the `timeout` event exactly as it would after 15 s.
 */
export interface BrowserXhrOptions {
  /** The longest timeout a request gets, whatever the SDK sets. */
  timeoutCapMs?: number;
}

export interface BrowserXhr {
  XMLHttpRequest: typeof XMLHttpRequest;
  /** Exceptions thrown by event handlers (an SDK's own bugs), in order. */
  reportedErrors: unknown[];
  /** Resolves with the next exception an event handler throws. */
  nextReportedError(): Promise<unknown>;
}

type Listener = (this: unknown, event: { type: string }) => void;

interface Xhr2Instance {
  status: number;
  _listeners: Record<string, Listener[] | undefined>;
  _setError(): void;
}

type Xhr2Class = new () => Xhr2Instance;

export function browserLikeXhr(options: BrowserXhrOptions = {}): BrowserXhr {
  const XHR2 = createRequire(import.meta.url)('xhr2') as Xhr2Class;
  const reportedErrors: unknown[] = [];
  let waiters: Array<(error: unknown) => void> = [];
  const report = (error: unknown): void => {
    reportedErrors.push(error);
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve(error);
  };
  class BrowserLikeXMLHttpRequest extends XHR2 {
    // No field initialisers: xhr2's constructor already sets `timeout`, before they would run.
    /** What the SDK asked for (the cap applies underneath). */
    declare requestedTimeout: number;
    declare cappedTimeout: number;

    get timeout(): number {
      return this.cappedTimeout ?? 0;
    }

    set timeout(value: number) {
      this.requestedTimeout = value;
      const cap = options.timeoutCapMs;
      this.cappedTimeout = cap !== undefined && (value === 0 || value > cap) ? cap : value;
    }

    override _setError(): void {
      super._setError();
      this.status = 0;
    }

    dispatchEvent(event: { type: string; currentTarget?: unknown; target?: unknown }): void {
      event.currentTarget = event.target = this;
      const handler = (this as unknown as Record<string, unknown>)[`on${event.type}`];
      const listeners = [...(this._listeners[event.type] ?? []), ...(typeof handler === 'function' ? [handler as Listener] : [])];
      for (const listener of listeners) {
        try {
          listener.call(this, event);
        } catch (error) {
          report(error);
        }
      }
    }
  }
  return {
    XMLHttpRequest: BrowserLikeXMLHttpRequest as unknown as typeof XMLHttpRequest,
    reportedErrors,
    nextReportedError: () => new Promise((resolve) => waiters.push(resolve)),
  };
}
