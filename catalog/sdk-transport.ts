/**
 * What the official SDKs' transport plugs (catalog/<provider>/plug.ts) share: their options, the
 * policy made from them, one attempt over fetch with the whole body read inside it, and which
 * requests of the Parse-style REST APIs (Parse, LeanCloud) may be sent again.
 */
import { classifyRaw, type ClassifyOptions } from '../src/classify.js';
import type { FaultlineError } from '../src/errors.js';
import { fn, object, validate, type Rule } from '../src/options.js';
import { createRetryPolicy, isRetryPolicy } from '../src/policy.js';
import type { RetryOptions, RetryPolicy } from '../src/policy-types.js';
import { isProvider, type Provider } from '../src/provider.js';
import { NON_JSON_RESPONSE, readHttp } from '../src/raw-fault.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface PlugOptions {
  /**
   * The provider whose codes decide. Default: the provider of the plug's folder, decisions only;
   * pass the full one (`import { parse } from 'faultline'`) for its description and advice.
   */
  provider?: Provider;
  /** Retry options, or a policy to share (its budget, breaker and Retry-After gate then serve every client using it). */
  retry?: RetryOptions | RetryPolicy;
  /** The fetch to send with. Default: `globalThis.fetch`, looked up at each request. */
  fetch?: FetchLike;
}

export interface Plug {
  readonly policy: RetryPolicy;
  readonly provider: Provider;
  readonly fetch: () => FetchLike;
}

const providerRule: Rule = [isProvider, "a provider value (import { parse } from 'faultline')"];

/** Checks a plug's options once (a TypeError names the bad one) and makes its policy. */
export function resolvePlug(component: string, options: PlugOptions | undefined, own: Provider): Plug {
  const o = validate(component, options, { provider: providerRule, retry: object, fetch: fn });
  const provider = o.provider ?? own;
  const policy = isRetryPolicy(o.retry) ? o.retry : createRetryPolicy({ ...o.retry, classify: { ...o.retry?.classify, provider } });
  const fetch = o.fetch;
  return { policy, provider, fetch: () => fetch ?? globalThis.fetch };
}

/** One answer, read whole. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly response: Response;
}

/**
 * One attempt. The whole body is read here, inside the attempt: a connection lost mid-body fails
 * this attempt (so a read is tried again) instead of failing later in the SDK's JSON.parse, where
 * no retry can reach it.
 */
export async function sendOnce(fetch: FetchLike, url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, text: await response.text(), response };
}

/** The typed error of an answer that failed (status ≥ 400), read like any HTTP answer: status, body code, Retry-After, request id. */
export function failureOf(answer: Answer, url: string, classify: ClassifyOptions): FaultlineError {
  return classifyRaw(readHttp({}, { status: answer.status, headers: answer.headers, url }, answer.text), classify, answer.response);
}

/**
 * A success's JSON. An empty body is `{}` (what the SDKs' own transports make of it); a body that
 * is not JSON (a captive portal, a proxy's page with a 200) fails the attempt as NON_JSON_RESPONSE.
 */
export function jsonOf(answer: Answer, url: string, classify: ClassifyOptions): unknown {
  if (answer.text.trim() === '') return {};
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    throw classifyRaw({ status: answer.status, errno: NON_JSON_RESPONSE, url }, classify, answer.response);
  }
}

/** A Headers as the plain lower-case record the SDKs' own transports hand over. */
export function plainHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** Field operations whose repetition changes the outcome: a counter counted twice, an item appended twice. */
const ADDING_OP_RE = /"__op"\s*:\s*"(?:Increment|Decrement|Add|BitXor|Batch)"/;

/**
 * Whether a Parse or LeanCloud request may be sent again without changing the outcome: a read or
 * a delete may; a PUT may unless it carries an operation that adds (Increment, Add…), for which
 * the HTTP method's idempotency does not hold; a POST (a create, a cloud function, a batch) may not.
 */
export function isRepeatable(method: string, body: unknown): boolean {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS' || m === 'DELETE') return true;
  if (m !== 'PUT') return false;
  if (body === undefined || body === null) return true;
  try {
    return !ADDING_OP_RE.test(typeof body === 'string' ? body : JSON.stringify(body));
  } catch {
    return false;
  }
}
