import { Readable } from 'node:stream';
import axios from 'axios';
import ky, { HTTPError, type KyInstance, type Options } from 'ky';
import { withFaultline as withAxios } from '../../adapters/axios.js';
import { createFetch } from '../../adapters/fetch.js';
import { withFaultline as withKy } from '../../adapters/ky.js';
import type { Call, Harness, Reply } from './http-suite.js';

export function webStream(chunks: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function readReply(response: Response): Promise<Reply> {
  return { status: response.status, body: parseText(await response.text()) };
}

function fetchInit(call: Call): RequestInit & { duplex?: 'half' } {
  const headers: Record<string, string> = { ...call.headers };
  let body: BodyInit | undefined;
  if (call.stream) body = webStream(call.stream);
  else if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    headers['content-type'] = 'application/json';
  }
  return { method: call.method, headers, body, signal: call.signal, ...(call.stream ? { duplex: 'half' as const } : {}) };
}

export const axiosHarness: Harness = {
  name: 'faultline/axios',
  // axios reads every body inside the attempt: a call is read through whatever the mode.
  client(baseURL, options) {
    const api = withAxios(axios.create({ baseURL }), options);
    return async (call) => {
      const response = await api.request({
        method: call.method,
        url: call.path,
        data: call.stream ? Readable.from(call.stream) : call.json,
        headers: call.headers,
        signal: call.signal,
      });
      return { status: response.status, body: response.data as unknown };
    };
  },
};

export const fetchHarness: Harness = {
  name: 'faultline/fetch',
  client(baseUrl, options, mode) {
    const fetch = createFetch(options);
    return async (call) => readReply(await fetch(baseUrl + call.path, { ...fetchInit(call), readBody: mode?.readThrough === true }));
  },
};

/** A ky major under test: its default export, and how its instances take the server's URL. */
export interface KyUnderTest {
  readonly name: string;
  readonly ky: KyInstance;
  readonly HTTPError: abstract new (...args: never[]) => Error;
  /** ky 1: `prefixUrl`; ky 2: `prefix`. */
  readonly prefix: 'prefixUrl' | 'prefix';
  /** The error body an HTTPError carries: ky 1 leaves it in the response; ky 2 reads it into `data` (parsed when JSON). */
  errorBody(error: HTTPError): Promise<unknown>;
}

export const ky1: KyUnderTest = {
  name: 'ky 1',
  ky,
  HTTPError,
  prefix: 'prefixUrl',
  errorBody: async (error) => parseText(await error.response.text()),
};

/** `ky.create` with the server's URL as the prefix, in the major's own option. */
export function createKy(under: KyUnderTest, url: string, options: Options = {}): KyInstance {
  return under.ky.create({ ...options, [under.prefix]: url });
}

export function kyHarnessFor(under: KyUnderTest): Harness {
  return {
    name: `faultline/ky (${under.name})`,
    client(url, options, mode) {
      const api = withKy(createKy(under, url), options);
      return async (call) => {
        const pending = api(call.path.slice(1), {
          method: call.method,
          json: call.json,
          body: call.stream ? webStream(call.stream) : undefined,
          headers: call.headers,
          signal: call.signal,
        });
        if (!mode?.readThrough) return readReply(await pending);
        // The body read through the call: inside the attempt.
        const text = await pending.text();
        return { status: (await pending).status, body: parseText(text) };
      };
    },
  };
}

export const kyHarness = kyHarnessFor(ky1);
