import { Readable } from 'node:stream';
import axios from 'axios';
import ky from 'ky';
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

async function readReply(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // text stays text
  }
  return { status: response.status, body };
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
  client(baseUrl, options) {
    const fetch = createFetch(options);
    return async (call) => readReply(await fetch(baseUrl + call.path, fetchInit(call)));
  },
};

export const kyHarness: Harness = {
  name: 'faultline/ky',
  client(prefixUrl, options) {
    const api = withKy(ky.create({ prefixUrl }), options);
    return async (call) => {
      const response = await api(call.path.slice(1), {
        method: call.method,
        json: call.json,
        body: call.stream ? webStream(call.stream) : undefined,
        headers: call.headers,
        signal: call.signal,
      });
      return readReply(response);
    };
  },
};
