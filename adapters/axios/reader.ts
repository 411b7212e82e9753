import { int, isObj, readErrnoChain, readHttp, str, type HeadersInput, type RawFault } from '../../src/raw-fault.js';

/**
 * axios' AxiosError: the request from `config` (baseURL joined to url), the answer from
 * `response`, else the errno of the transport failure.
 */
export function readAxiosError(input: unknown): RawFault | undefined {
  if (!isObj(input) || input.isAxiosError !== true) return undefined;
  const message = str(input.message);
  const raw: RawFault = { message };
  const config = input.config;
  if (isObj(config)) {
    raw.method = str(config.method);
    const url = str(config.url);
    const base = str(config.baseURL);
    raw.url = url && base && !/^[a-z][a-z0-9+.-]{0,30}:/i.test(url) ? base.replace(/\/+$/, '') + '/' + url.replace(/^\/+/, '') : (url ?? base);
    if (isObj(config.headers)) raw.requestHeaders = config.headers as HeadersInput;
  }
  const response = input.response;
  // A success whose body broke off ('stream has been aborted', ECONNRESET 'aborted') is a dropped
  // connection: its status line says nothing about the failure.
  const cut = isObj(response) && (int(response.status) ?? 0) < 400 && /aborted|premature close/i.test(message ?? '');
  if (isObj(response) && !cut) return readHttp(raw, response, response.data);
  readErrnoChain(raw, input);
  if (cut && (raw.errno === undefined || raw.errno === 'ERR_BAD_RESPONSE')) raw.errno = 'ECONNRESET';
  // axios reports its own `timeout` as ECONNABORTED "timeout of Nms exceeded".
  if (raw.errno === 'ECONNABORTED' && message && /timeout/i.test(message)) raw.errno = 'ETIMEDOUT';
  return raw;
}
