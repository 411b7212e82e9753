import { inspect } from 'node:util';
import { expect } from 'vitest';
import type { FaultlineError } from '../../src/errors.js';

export const SECRETS = {
  authorization: 'Bearer sk_live_SECRET_AUTH_7f3a9',
  cookie: 'sid=SECRET_COOKIE_1b2c',
  lcKey: 'SECRET_LCKEY_abcdef,master',
  lcSign: 'SECRET_LCSIGN_0a1b2c,1699999999999',
  lcSession: 'SECRET_LCSESSION_xyz123',
  parseMaster: 'SECRET_PARSE_MASTER_987',
  parseSession: 'r:SECRET_PARSE_SESSION_654',
  parseRest: 'SECRET_PARSE_REST_321',
  accessToken: 'SECRET_ACCESS_TOKEN_qwe',
  token: 'SECRET_TOKEN_rty',
  sign: 'SECRET_SIGN_uio',
  sessionToken: 'SECRET_BODY_SESSION_TOKEN_pas',
};

/** Every way an error gets rendered into a log. */
export function renderings(error: FaultlineError): string[] {
  return [
    error.message,
    String(error),
    error.stack ?? '',
    JSON.stringify(error),
    JSON.stringify(error.toJSON()),
    inspect(error, { depth: 10 }),
    inspect(error, { depth: 10, showHidden: true }),
    `${error.name}: ${error.message}`,
  ];
}

export function expectNoSecrets(error: FaultlineError): void {
  for (const text of renderings(error)) {
    for (const secret of Object.values(SECRETS)) {
      expect(text).not.toContain(secret);
      // The distinctive part of the secret, in case it was re-encoded.
      expect(text).not.toContain(secret.replace(/^.*SECRET_/, 'SECRET_').split(/[,]/)[0]);
    }
  }
}

