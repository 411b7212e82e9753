import { int, isObj, own, str, type RawFault } from '../../src/raw-fault.js';

/** The Parse SDK's ParseError: `{code, message}`, the code Parse's own. */
export function readParseError(input: unknown): RawFault | undefined {
  if (!isObj(input)) return undefined;
  const ctor = (input as { constructor?: { name?: unknown } }).constructor?.name;
  if (ctor !== 'ParseError' && own(input, 'name') !== 'ParseError') return undefined;
  const message = str(own(input, 'message'));
  const code = int(own(input, 'code'));
  return code === undefined ? { message } : { bodyCode: code, bodyMessage: message, message };
}
