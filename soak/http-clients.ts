/**
 * One way to call each HTTP adapter the way an app would: credentials in headers and query, a
 * JSON body for writes, the response body read. Two clients per adapter share one retry policy:
 * one adds an Idempotency-Key to POSTs, the other does not.
 */
import { Agent } from 'node:http';
import axios from 'axios';
import ky from 'ky';
import { withFaultline as withAxios } from '../adapters/axios.js';
import { createFetch } from '../adapters/fetch.js';
import { withFaultline as withKy } from '../adapters/ky.js';
import type { HttpOptions } from '../adapters/http/options.js';
import { SECRET_HEADERS, SECRET_QUERY } from './secrets.js';

export const ADAPTERS = ['axios', 'fetch', 'ky'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

/** The adapters' common options the soak sets (no refresh hook; the key is set per client). */
export type SoakHttpOptions = Omit<HttpOptions<never>, 'onRefresh' | 'idempotencyKey'>;

export interface SoakRequest {
  readonly rid: number;
  readonly method: 'GET' | 'POST' | 'PUT';
  /** POST only: send through the client that adds an Idempotency-Key. */
  readonly keyed: boolean;
}

/**
 * `adapter` settles when the adapter's promise does (what the library answers for); `body` when
 * the app has read the response body (fetch and ky hand it over unread; axios reads it itself).
 */
export interface CallOutcome {
  readonly adapter: Promise<unknown>;
  readonly body: Promise<unknown>;
}

export interface HttpClient {
  call(request: SoakRequest): CallOutcome;
  /** Frees what the client owns (axios' keep-alive agent). */
  close(): void;
}

function pathOf(request: SoakRequest): string {
  return `items/${request.rid}?${SECRET_QUERY}`;
}

function payload(request: SoakRequest): Record<string, unknown> | undefined {
  return request.method === 'GET' ? undefined : { rid: request.rid, method: request.method, keyed: request.keyed, text: 'soak' };
}

const ignore = (): void => undefined;

/** Creates the client pair of one adapter against `baseUrl`. `options.idempotencyKey` is set per client. */
export function createHttpClient(name: AdapterName, baseUrl: string, options: SoakHttpOptions): HttpClient {
  const plain = { ...options, idempotencyKey: false };
  const keyed = { ...options, idempotencyKey: true };
  switch (name) {
    case 'axios': {
      const agent = new Agent({ keepAlive: true });
      const make = (o: SoakHttpOptions & { idempotencyKey: boolean }) =>
        withAxios(axios.create({ baseURL: `${baseUrl}/`, headers: { ...SECRET_HEADERS }, httpAgent: agent }), o);
      const clients = { plain: make(plain), keyed: make(keyed) };
      return {
        call(request) {
          const api = request.keyed ? clients.keyed : clients.plain;
          const adapter = api.request({ method: request.method, url: pathOf(request), data: payload(request) });
          const body = adapter.then((response) => response.data as unknown);
          body.catch(ignore);
          return { adapter, body };
        },
        close: () => agent.destroy(),
      };
    }
    case 'fetch': {
      const clients = { plain: createFetch(plain), keyed: createFetch(keyed) };
      return {
        call(request) {
          const fetch = request.keyed ? clients.keyed : clients.plain;
          const data = payload(request);
          const adapter = fetch(`${baseUrl}/${pathOf(request)}`, {
            method: request.method,
            headers: { ...SECRET_HEADERS, ...(data ? { 'content-type': 'application/json' } : {}) },
            body: data ? JSON.stringify(data) : undefined,
          });
          const body = adapter.then((response) => response.arrayBuffer());
          body.catch(ignore);
          return { adapter, body };
        },
        close: ignore,
      };
    }
    case 'ky': {
      const make = (o: SoakHttpOptions & { idempotencyKey: boolean }) => withKy(ky.create({ prefixUrl: baseUrl, headers: { ...SECRET_HEADERS } }), o);
      const clients = { plain: make(plain), keyed: make(keyed) };
      return {
        call(request) {
          const api = request.keyed ? clients.keyed : clients.plain;
          const data = payload(request);
          const adapter = api(pathOf(request), { method: request.method, json: data });
          const body = adapter.then((response) => response.arrayBuffer());
          body.catch(ignore);
          return { adapter, body };
        },
        close: ignore,
      };
    }
  }
}
