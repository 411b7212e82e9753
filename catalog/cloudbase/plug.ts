/**
 * `faultline/catalog/cloudbase/plug`: faultline as @cloudbase/js-sdk's transport.
 *
 *   cloudbase.useAdapters(cloudbaseAdapter(cloudbase, { retry: { maxAttempts: 3 } })); // before init
 *   const app = cloudbase.init({ env });
 *
 * The SDK's own request class (the platform's: Node, browser, mini-program) keeps doing the
 * sending and the signing; the plug subclasses it so that its `fetch`, `get` and `post` run under
 * one retry policy and see the status and headers before the SDK flattens them. An answer that is
 * an error, which the SDK would resolve as data (`{code: 'DATABASE_TIMEOUT', …}`, and a gateway's
 * HTML 5xx as `{data: []}`), becomes faultline's typed error: retried when the policy says so,
 * then rejected, and the caller's catch gets that very error. An ACCESS_TOKEN_EXPIRED error still
 * makes the SDK refresh its token and try once more, as it does on its own.
 */
import { classify, classifyRaw } from '../../src/classify.js';
import { int, isObj, readHttp, type HeadersInput } from '../../src/raw-fault.js';
import { resolvePlug, type PlugOptions } from '../sdk-transport.js';
import { cloudbase as cloudbaseProvider } from './index.js';

/** The SDK's request class: made per app with the app's config; `fetch`, `get`, `post` are what the SDK calls. */
export type CloudbaseRequestClass = new (config: never) => object;

/** A platform adapter (`cloudbase.platform.adapter`): its request class and the rest (storage, sockets…). */
export interface CloudbasePlatformAdapter {
  reqClass: CloudbaseRequestClass;
  [other: string]: unknown;
}

/** What `cloudbase.useAdapters()` takes. */
export interface CloudbaseAdapter {
  isMatch(): boolean;
  runtime: string;
  genAdapter(options?: unknown): CloudbasePlatformAdapter;
}

/** The SDK's default export at run time, as far as the plug needs it (its published types leave `platform` out). */
interface CloudbaseSdk {
  readonly platform?: { readonly adapter?: CloudbasePlatformAdapter; readonly runtime?: string };
}

/** The adapter type `sdk.useAdapters()` takes, read off the SDK's own types (none are imported), else CloudbaseAdapter. */
export type UseAdaptersArgument<S> = S extends { useAdapters(adapters: infer A, ...rest: never[]): unknown } ? Exclude<A, readonly unknown[]> : CloudbaseAdapter;

/** The SDK's own transport picks its fetch; the plug does not take one. */
export type CloudbasePlugOptions = Omit<PlugOptions, 'fetch'>;

/** What the SDK's request methods take and resolve with (the slice the plug reads). */
interface RequestLike {
  url?: string;
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
}
interface ResultLike {
  statusCode?: unknown;
  status?: unknown;
  header?: unknown;
  data?: unknown;
}
type Send = (options: RequestLike) => Promise<ResultLike>;

const READS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
const WRAPPED = ['fetch', 'get', 'post'] as const;

/** A body that can be sent once only (a stream, an upload): never repeated. */
const isOneShot = (body: unknown): boolean =>
  isObj(body) && (typeof (body as { getReader?: unknown }).getReader === 'function' || typeof (body as { pipe?: unknown }).pipe === 'function');

/**
 * The adapter for `cloudbase.useAdapters(...)`, built on the platform adapter the SDK chose
 * (`cloudbase.platform.adapter`). Process-wide, and it must be used before `cloudbase.init()`.
 */
export function cloudbaseAdapter<S extends object>(sdk: S, options?: CloudbasePlugOptions): UseAdaptersArgument<S> {
  const platform = (sdk as CloudbaseSdk | null | undefined)?.platform;
  const base = platform?.adapter;
  if (typeof base?.reqClass !== 'function') {
    throw new TypeError('faultline: cloudbaseAdapter(cloudbase) needs the @cloudbase/js-sdk default export (its platform.adapter.reqClass)');
  }
  const { policy, provider } = resolvePlug('cloudbaseAdapter', options, cloudbaseProvider);
  const isErrorBody = provider.isErrorBody;

  function send(kind: (typeof WRAPPED)[number], through: Send, request: RequestLike): Promise<ResultLike> {
    const method = (request.method ?? (kind === 'post' ? 'POST' : 'GET')).toUpperCase();
    const url = request.url;
    const ctx = { provider, method, url };
    const oneShot = isOneShot(request.body);
    return policy
      .execute(
        async () => {
          const result = await through(request);
          const status = int(result.statusCode) ?? int(result.status);
          // A 2xx is an error only when its body carries a code (what the SDK resolves as data).
          if (status === undefined || (status < 400 && !isErrorBody?.(result.data))) return result;
          const headers = isObj(result.header) ? (result.header as HeadersInput) : undefined;
          throw classifyRaw(readHttp({ url }, { status, headers }, result.data), ctx, result);
        },
        { idempotent: !oneShot && READS.has(method), classify: ctx, signal: request.signal, ...(oneShot && { shouldRetry: () => false }) },
      )
      .catch((thrown: unknown) => {
        // The SDK writes its request id onto what it rejects with: a typed error stays as it was made.
        throw Object.freeze(classify(thrown, ctx));
      });
  }

  const Base = base.reqClass as unknown as new (config: unknown) => object;
  class FaultlineRequest extends Base {
    constructor(config: unknown) {
      super(config);
      // The SDK's request methods are instance fields (set in its constructor): wrap them here.
      const self = this as unknown as Record<string, unknown>;
      for (const kind of WRAPPED) {
        const through = self[kind];
        if (typeof through === 'function') self[kind] = (request: RequestLike): Promise<ResultLike> => send(kind, (through as Send).bind(this), request ?? {});
      }
    }
  }
  // A copy that keeps the base's accessors (the Node adapter's lazy wsClass), with the plugged class.
  const adapter = Object.defineProperties({}, Object.getOwnPropertyDescriptors(base)) as CloudbasePlatformAdapter;
  adapter.reqClass = FaultlineRequest as unknown as CloudbaseRequestClass;
  const plugged: CloudbaseAdapter = { isMatch: () => true, runtime: platform?.runtime ?? 'faultline', genAdapter: () => adapter };
  return plugged as UseAdaptersArgument<S>;
}
