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
  basicAuth: 'Basic SECRET_BASIC_dXNlcjpwYXNz',
  lcSignMaster: 'SECRET_LCSIGN_MASTER_5d6e,1699999999999,master',
  apiKey: 'SECRET_X_API_KEY_2f4a',
  refreshToken: 'SECRET_REFRESH_TOKEN_8c1d',
  userinfo: 'SECRET_USERINFO_PASSWORD_3b7e',
};

/** Every credential above as a request would carry it: in headers… */
export const SECRET_REQUEST_HEADERS: Readonly<Record<string, string>> = {
  Authorization: SECRETS.authorization,
  'Proxy-Authorization': SECRETS.basicAuth,
  Cookie: SECRETS.cookie,
  'X-LC-Id': 'appIdIsNotSecret',
  'X-LC-Key': SECRETS.lcKey,
  'X-LC-Sign': SECRETS.lcSignMaster,
  'X-LC-Session': SECRETS.lcSession,
  'X-Parse-Master-Key': SECRETS.parseMaster,
  'X-Parse-Session-Token': SECRETS.parseSession,
  'X-Parse-REST-API-Key': SECRETS.parseRest,
  'X-API-Key': SECRETS.apiKey,
};

/** …and in the query string. */
export const SECRET_QUERY = `access_token=${SECRETS.accessToken}&token=${SECRETS.token}&sign=${SECRETS.sign}&refresh_token=${SECRETS.refreshToken}&session_token=${SECRETS.sessionToken}&where=1`;

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
  for (const text of renderings(error)) expectNoSecretsInText(text);
}

/** The same check for any text (CLI output, a log line). */
export function expectNoSecretsInText(text: string, label?: string): void {
  for (const secret of Object.values(SECRETS)) {
    expect(text, label).not.toContain(secret);
    // The distinctive part of the secret, in case it was re-encoded.
    expect(text, label).not.toContain(secret.replace(/^.*SECRET_/, 'SECRET_').split(/[,]/)[0]);
  }
}

/** The same check for any value a logger might print: an event payload, a diagnostics message. */
export function expectNoSecretsIn(value: unknown, label?: string): void {
  for (const text of [JSON.stringify(value) ?? '', inspect(value, { depth: 10 }), inspect(value, { depth: 10, showHidden: true })]) {
    expectNoSecretsInText(text, label);
  }
}

