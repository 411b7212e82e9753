import { isObj, readErrnoChain, readHttp, str, type HeadersInput, type RawFault } from '../../src/raw-fault.js';

/**
 * ky's own errors (ky 1 and 2): HTTPError (its response, and in ky 2 the body it read as `data`),
 * TimeoutError (its `timeout` ran out), and ky 2's NetworkError (the fetch failure as `cause`),
 * each with the Request it was about.
 */
export function readKyError(input: unknown): RawFault | undefined {
  if (!isObj(input)) return undefined;
  const name = input.name;
  const request = input.request;
  if ((name !== 'HTTPError' && name !== 'TimeoutError' && name !== 'NetworkError') || !isObj(request) || typeof request.url !== 'string') return undefined;
  const raw: RawFault = { message: str(input.message), method: str(request.method), url: str(request.url) };
  const headers = request.headers;
  if (isObj(headers)) raw.requestHeaders = headers as HeadersInput;
  if (name === 'HTTPError') {
    const response = input.response;
    return isObj(response) ? readHttp(raw, response, input.data) : raw;
  }
  if (name === 'TimeoutError') raw.errno = 'TimeoutError';
  else {
    readErrnoChain(raw, input.cause);
    // fetch's TypeError says no more than that the network failed.
    raw.errno ??= 'ERR_NETWORK';
  }
  return raw;
}
