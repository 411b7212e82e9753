import { ERROR_CLASSES, FaultlineError, isFaultlineError } from '../../src/errors.js';
import { ERROR_KINDS, RETRY_SEMANTICS } from '../../src/kinds.js';
import { expectNoSecrets, renderings, SECRETS } from '../helpers/secrets.js';

/** Plain throws (not expect) so 100,000 runs stay fast; the message says what broke. */
function fail(message: string): never {
  throw new Error(message);
}

const KINDS: ReadonlySet<string> = new Set(ERROR_KINDS);
const RETRIES: ReadonlySet<string> = new Set(RETRY_SEMANTICS);
/** The distinctive part of each planted secret, as secrets.ts checks it. */
const NEEDLES = Object.values(SECRETS).map((s) => s.replace(/^.*SECRET_/, 'SECRET_').split(',')[0] as string);

/** Every field a caller branches on has the type the contract promises. */
export function checkShape(error: unknown): asserts error is FaultlineError {
  if (!isFaultlineError(error)) fail(`not a FaultlineError: ${typeof error}`);
  if (!KINDS.has(error.kind)) fail(`invalid kind ${String(error.kind)}`);
  if (!RETRIES.has(error.retry)) fail(`invalid retry ${String(error.retry)}`);
  if (error.retryable !== (error.retry !== 'never')) fail('retryable disagrees with retry');
  if (!(error instanceof FaultlineError) || !(error instanceof ERROR_CLASSES[error.kind]) || !(error instanceof Error)) fail(`${error.kind} is not an instance of its class`);
  if (typeof error.message !== 'string' || typeof error.name !== 'string') fail('message/name not strings');
  const { retryAfterMs, code, status, closeCode } = error;
  if (retryAfterMs !== undefined && !(typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0)) fail(`retryAfterMs ${String(retryAfterMs)}`);
  if (code !== undefined && typeof code !== 'string' && !(typeof code === 'number' && Number.isFinite(code))) fail(`code of type ${typeof code}`);
  if (status !== undefined && !Number.isInteger(status)) fail(`status ${String(status)}`);
  if (closeCode !== undefined && !Number.isInteger(closeCode)) fail(`closeCode ${String(closeCode)}`);
}

/** Every way it reaches a log renders, is a string, and carries no planted secret. */
export function checkRenderings(error: FaultlineError): void {
  let texts: string[];
  try {
    texts = renderings(error);
    const json = JSON.parse(JSON.stringify(error)) as { kind?: unknown };
    if (json.kind !== error.kind) fail('JSON round trip lost the kind');
  } catch (thrown) {
    fail(`rendering threw: ${thrown instanceof Error ? thrown.message : typeof thrown}`);
  }
  for (const text of texts) {
    if (typeof text !== 'string') fail('a rendering is not a string');
    for (const needle of NEEDLES) {
      if (text.includes(needle)) {
        expectNoSecrets(error); // the helper's own, readable failure
        fail(`secret ${needle} leaked into: ${text.slice(Math.max(0, text.indexOf(needle) - 120), text.indexOf(needle) + 60)}`);
      }
    }
  }
}

const PROTO_KEYS = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Error.prototype].map((p) => Object.getOwnPropertyNames(p).join());

/** Nothing reached a shared prototype. */
export function checkNoPollution(): void {
  if (({} as { polluted?: unknown }).polluted !== undefined) fail('Object.prototype.polluted is set');
  const now = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Error.prototype].map((p) => Object.getOwnPropertyNames(p).join());
  if (now.some((keys, i) => keys !== PROTO_KEYS[i])) fail('a built-in prototype gained or lost a property');
}
