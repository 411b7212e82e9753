import { classifyClose } from '../../src/classify.js';
import { ConnectionClosedError, type FaultlineError } from '../../src/errors.js';

interface LeanCloudCommand {
  cmd?: unknown;
  op?: unknown;
  code?: unknown;
  reason?: unknown;
}

/**
 * LeanCloud IM's in-band kicks on an open socket (JSON protocol): `{"cmd":"session","op":"closed",
 * "code":4111}` is classified like close code 4111; `{"cmd":"goaway"}` asks the client to reconnect.
 */
export function leancloudInBand(data: unknown): FaultlineError | undefined {
  if (typeof data !== 'string' || !data.includes('"cmd"')) return undefined;
  let command: LeanCloudCommand | null;
  try {
    command = JSON.parse(data) as LeanCloudCommand | null;
  } catch {
    return undefined;
  }
  if (command?.cmd === 'goaway') {
    return new ConnectionClosedError({ provider: 'leancloud', code: 'GOAWAY', retry: 'always', message: 'leancloud goaway: the server asked the client to reconnect' });
  }
  if (command?.cmd === 'session' && command.op === 'closed' && typeof command.code === 'number') {
    return classifyClose(command.code, typeof command.reason === 'string' && command.reason ? command.reason : undefined, { provider: 'leancloud' });
  }
  return undefined;
}
