import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import axios from 'axios';
import ky from 'ky';
import { withFaultline as withAxios } from '../adapters/axios.js';
import { createFetch } from '../adapters/fetch.js';
import { withFaultline as withKy } from '../adapters/ky.js';
import { link } from '../adapters/http/signal.js';
import { closeAllServers, startServer } from './helpers/http-server.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('link(): an attempt signal tied to a long-lived caller signal', () => {
  it('gives the caller one abort listener however many signals are linked to it', () => {
    const caller = new AbortController();
    const linked = Array.from({ length: 50 }, () => link(new AbortController().signal, caller.signal));
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    expect(linked.every((s) => !s.aborted)).toBe(true);
  });

  it("aborts every linked signal with the caller's reason when the caller aborts", () => {
    const caller = new AbortController();
    const linked = Array.from({ length: 5 }, () => link(new AbortController().signal, caller.signal));
    const reason = new Error('shutting down');
    caller.abort(reason);
    expect(linked.map((s) => s.reason)).toEqual(Array(5).fill(reason));
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });

  it("aborts one linked signal with its attempt's reason, leaving the caller and the others alone", () => {
    const caller = new AbortController();
    const attempt = new AbortController();
    const mine = link(attempt.signal, caller.signal);
    const other = link(new AbortController().signal, caller.signal);
    attempt.abort('attempt timed out');
    expect(mine.reason).toBe('attempt timed out');
    expect(other.aborted).toBe(false);
    expect(caller.signal.aborted).toBe(false);
  });

  it('returns the attempt signal without a caller, and an aborted signal when either already aborted', () => {
    const attempt = new AbortController().signal;
    expect(link(attempt, undefined)).toBe(attempt);
    expect(link(attempt, AbortSignal.abort('gone')).reason).toBe('gone');
    expect(link(AbortSignal.abort('late'), new AbortController().signal).reason).toBe('late');
  });

  it('holds linked signals weakly: once nothing else does, they are collected', async () => {
    const caller = new AbortController();
    const refs = (() => Array.from({ length: 100 }, () => new WeakRef(link(new AbortController().signal, caller.signal))))();
    for (let i = 0; i < 3 && refs.some((r) => r.deref() !== undefined); i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
    }
    expect(refs.filter((r) => r.deref() !== undefined)).toHaveLength(0);
    expect(caller.signal.aborted).toBe(false);
  });
});

describe('createFetch with one long-lived signal for every request', () => {
  afterEach(closeAllServers);

  it('still aborts a body read when that signal aborts after the response arrived', async () => {
    const server = await startServer([{ status: 200, endless: true }]);
    const app = new AbortController();
    const api = createFetch({ attemptTimeoutMs: 5_000 });
    for (let i = 0; i < 3; i++) {
      const ok = await startServer([{ body: { i } }]);
      expect(await (await api(`${ok.url}/`, { signal: app.signal })).json()).toEqual({ i });
    }
    const response = await api(`${server.url}/stream`, { signal: app.signal });
    expect(response.status).toBe(200);
    const reading = response.text();
    app.abort(new Error('app shutting down'));
    await expect(reading).rejects.toThrow();
    expect(getEventListeners(app.signal, 'abort')).toHaveLength(0);
  });
});

describe('one long-lived signal across many requests leaves no listeners behind', () => {
  afterEach(closeAllServers);

  it.each([
    ['fetch', (url: string, signal: AbortSignal) => createFetch({ attemptTimeoutMs: 5_000 })(url, { signal }).then((r) => r.json())],
    ['axios', (url: string, signal: AbortSignal) => withAxios(axios.create({ timeout: 5_000 })).get(url, { signal }).then((r) => r.data)],
    ['ky', (url: string, signal: AbortSignal) => withKy(ky.create({ timeout: 5_000 })).get(url, { signal }).json()],
  ])('%s: at most one abort listener on the shared signal after 30 requests', async (_name, call) => {
    const server = await startServer([{ body: { ok: true } }]);
    const app = new AbortController();
    for (let i = 0; i < 30; i++) expect(await call(`${server.url}/x`, app.signal)).toEqual({ ok: true });
    expect(getEventListeners(app.signal, 'abort').length).toBeLessThanOrEqual(1);
  });
});
