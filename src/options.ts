/**
 * The one validator of options: every component (policy, budget, breaker, socket, adapters, stores)
 * describes its options as rules, checked once when it is made. A bad option is a TypeError whose
 * message names the component and the option: `faultline: retry.maxAttempts must be …, got …`.
 */
export type Rule = readonly [test: (value: unknown) => boolean, expected: string];

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

export const count: Rule = [(v) => v === Infinity || (Number.isInteger(v) && (v as number) >= 1), 'an integer >= 1 or Infinity'];
export const integer: Rule = [(v) => Number.isInteger(v) && (v as number) >= 0, 'an integer >= 0'];
/** Delays are timers, and a timer holds at most 2^31−1 ms (24.8 days): longer ones would fire at once. */
const MAX_MS = 2_147_483_647;
export const ms: Rule = [(v) => isNumber(v) && v >= 0 && v <= MAX_MS, 'a number of ms from 0 to 2147483647'];
/** A duration that may be Infinity (off). */
export const positive: Rule = [(v) => isNumber(v) && v > 0 && (v <= MAX_MS || v === Infinity), 'a number of ms > 0 (at most 2147483647, or Infinity)'];
export const share: Rule = [(v) => isNumber(v) && v > 0 && v <= 1, 'a number in (0, 1]'];
export const bool: Rule = [(v) => typeof v === 'boolean', 'a boolean'];
export const fn: Rule = [(v) => typeof v === 'function', 'a function'];
export const text: Rule = [(v) => typeof v === 'string' && v.length > 0, 'a non-empty string'];
export const object: Rule = [(v) => typeof v === 'object' && v !== null, 'an object'];
export const signal: Rule = [(v) => typeof (v as { addEventListener?: unknown } | null)?.addEventListener === 'function', 'an AbortSignal'];

export function oneOf(...values: readonly unknown[]): Rule {
  return [(v) => values.includes(v), values.map((v) => `'${String(v)}'`).join(', ').replace(/, ([^,]*)$/, ' or $1')];
}

export function either(a: Rule, b: Rule): Rule {
  return [(v) => a[0](v) || b[0](v), `${a[1]} or ${b[1]}`];
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'an array' : 'an object';
  return String(value);
}

/** Throws a TypeError for the first option that breaks its rule; undefined options are left to the defaults. */
export function validate<T extends object>(component: string, options: T | undefined, rules: { readonly [K in keyof T]?: Rule }): T {
  if (options === undefined) return {} as T;
  if (typeof options !== 'object' || options === null) throw new TypeError(`faultline: ${component} options must be an object, got ${show(options)}`);
  // A plain object holds its options as its own enumerable keys: checking those checks them all,
  // at a fraction of the cost of asking it for every rule (a one-shot retry() validates per call).
  const plain = Object.getPrototypeOf(options) === Object.prototype;
  for (const key in plain ? options : rules) {
    const rule = Object.hasOwn(rules, key) ? (rules[key as keyof T] as Rule) : undefined;
    const value = (options as Record<string, unknown>)[key];
    if (rule && value !== undefined && !rule[0](value)) throw new TypeError(`faultline: ${component}.${key} must be ${rule[1]}, got ${show(value)}`);
  }
  return options;
}
