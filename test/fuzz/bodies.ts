import fc from 'fast-check';
import { cloudbase } from '../../catalog/cloudbase/full.js';
import { easemob } from '../../catalog/easemob/full.js';
import { leancloud } from '../../catalog/leancloud/full.js';
import { parse } from '../../catalog/parse/full.js';
import type { Provider } from '../../src/index.js';
import { SECRETS } from '../helpers/secrets.js';
import { echo, echoSpec, withEcho } from './plant.js';

/** The providers' own codes, read off the catalogs so the fuzz follows them as they grow. */
function codes<T extends number | string>(provider: Provider, type: 'number' | 'string', fallback: T[]): T[] {
  const found = provider.decisions.map((row) => row.code).filter((c): c is T => typeof c === type);
  return found.length > 0 ? [...new Set(found)] : fallback;
}

export const LC_CODES = codes<number>(leancloud, 'number', [1, 100, 101, 119, 140, 209, 430, 4111]);
export const PARSE_CODES = codes<number>(parse, 'number', [100, 101, 119, 155, 209, 600]);
export const CLOUDBASE_CODES = codes<string>(cloudbase, 'string', ['DATABASE_TIMEOUT', 'SERVICE_NOT_READY', 'EXCEED_TOKEN_QUOTA_LIMIT']);
export const EASEMOB_CODES = codes<string>(easemob, 'string', ['reach_limit', 'resource_limited', 'unauthorized']);

const intCode = fc.oneof(fc.constantFrom(...LC_CODES, ...PARSE_CODES), fc.integer({ min: -5, max: 5000 }), fc.integer());
const upperCode = fc.oneof(fc.constantFrom(...CLOUDBASE_CODES), fc.stringMatching(/^[A-Z][A-Z0-9_.]{0,30}$/));
const easemobCode = fc.oneof(fc.constantFrom(...EASEMOB_CODES), fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/));
const text = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('会话过期', 'Invalid session token.', 'Too many requests', ''));

const POLLUTION_COUNT = 4;

/** Bodies the providers send, with an optional credential echo merged in. */
export type BodySpec =
  | { t: 'lc'; code: number; error: string; echo: number; token: boolean }
  | { t: 'cloudbase'; code: string; message: string; requestId: boolean; echo: number }
  | { t: 'easemob'; error: string; description: string; exception: boolean; echo: number }
  | { t: 'easemobPresence'; description: string }
  | { t: 'text'; v: string; echo: number }
  | { t: 'html'; title: string }
  | { t: 'json'; v: unknown }
  | { t: 'pollution'; which: number; code: number };

export const bodySpec: fc.Arbitrary<BodySpec> = fc.oneof(
  fc.record({ t: fc.constant('lc' as const), code: intCode, error: text, echo: echoSpec, token: fc.boolean() }),
  fc.record({ t: fc.constant('cloudbase' as const), code: upperCode, message: text, requestId: fc.boolean(), echo: echoSpec }),
  fc.record({ t: fc.constant('easemob' as const), error: easemobCode, description: text, exception: fc.boolean(), echo: echoSpec }),
  fc.record({ t: fc.constant('easemobPresence' as const), description: fc.constantFrom('user not found', 'Service resource not found', 'xyz') }),
  fc.record({ t: fc.constant('text' as const), v: text, echo: echoSpec }),
  fc.record({ t: fc.constant('html' as const), title: fc.constantFrom('502 Bad Gateway', '503 Service Temporarily Unavailable', '') }),
  fc.record({ t: fc.constant('json' as const), v: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ t: fc.constant('pollution' as const), which: fc.nat({ max: POLLUTION_COUNT - 1 }), code: intCode }),
);

/** JSON texts that pollute Object.prototype if a reader merges them naively. */
export function pollutionText(which: number, code: number): string {
  switch (which % POLLUTION_COUNT) {
    case 0:
      return `{"__proto__":{"polluted":"yes","code":1},"code":${code},"error":"x"}`;
    case 1:
      return `{"constructor":{"prototype":{"polluted":"yes"}},"code":${code},"error":"x"}`;
    case 2:
      return `{"error":"reach_limit","error_description":"x","exception":"e","__proto__":{"polluted":"yes"}}`;
    default:
      return `{"code":"DATABASE_TIMEOUT","message":"m","requestId":"r","__proto__":{"toString":"polluted","polluted":"yes"}}`;
  }
}

/** The body as an object (or text, for text bodies). */
export function buildBody(spec: BodySpec): unknown {
  switch (spec.t) {
    case 'lc': {
      const body: Record<string, unknown> = { code: spec.code, error: withEcho(spec.error, spec.echo) };
      if (spec.token) body.sessionToken = SECRETS.sessionToken;
      return body;
    }
    case 'cloudbase':
      return { code: spec.code, message: withEcho(spec.message, spec.echo), ...(spec.requestId ? { requestId: 'a1b2c3' } : {}) };
    case 'easemob':
      return {
        error: spec.error,
        error_description: withEcho(spec.description, spec.echo),
        ...(spec.exception ? { exception: 'com.easemob.weiquan.exception.RateLimitedException' } : {}),
        timestamp: 1_700_000_000_000,
        duration: 0,
      };
    case 'easemobPresence':
      return { error_description: spec.description, exception: 'x' };
    case 'text':
      return withEcho(spec.v, spec.echo);
    case 'html':
      return `<!doctype html><html><head><title>${spec.title}</title></head><body>${echo(0)}</body></html>`;
    case 'json':
      return spec.v;
    case 'pollution':
      return JSON.parse(pollutionText(spec.which, spec.code)) as unknown;
  }
}

/** How the body reaches classify: as an object, or as the JSON/text a server sent. */
export function bodyAsText(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body) ?? '';
}
