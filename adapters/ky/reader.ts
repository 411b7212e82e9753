import { isObj, own, readErrnoChain, readHttp, str, type HeadersInput, type RawFault } from '../../src/raw-fault.js';

/**
 * ky's own errors (ky 1 and 2): HTTPError (its response, and in ky 2 the body it read as `data`),
 * TimeoutError (its `timeout` ran out), and ky 2's NetworkError (the fetch failure as `cause`),
 * each with the Request it was about.
 */
export function readKyError(input: unknown): RawFault | undefined {
  if (!isObj(input)) return undefined;
  const name = own(input, 'name');
  const request = own(input, 'request');
  if ((name !== 'HTTPError' && name !== 'TimeoutError' && name !== 'NetworkError') || !isObj(request) || typeof own(request, 'url') !== 'string') return undefined;
  const raw: RawFault = { message: str(own(input, 'message')), method: str(own(request, 'method')), url: str(own(request, 'url')) };
  const headers = own(request, 'headers');
  if (isObj(headers)) raw.requestHeaders = headers as HeadersInput;
  if (name === 'HTTPError') {
    const response = own(input, 'response');
    return isObj(response) ? readHttp(raw, response, own(input, 'data')) : raw;
  }
  if (name === 'TimeoutError') raw.errno = 'TimeoutError';
  else {
    readErrnoChain(raw, own(input, 'cause'));
    // fetch's TypeError says no more than that the network failed.
    raw.errno ??= 'ERR_NETWORK';
  }
  return raw;
}
