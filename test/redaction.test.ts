import { describe, expect, it } from 'vitest';
import { classify } from '../src/index.js';
import { createError } from '../src/errors.js';
import { SECRETS, expectNoSecrets } from './helpers/secrets.js';
import { ERROR_KINDS } from '../src/kinds.js';
import { MAY_HOLD_SECRET, isSecretName, redactText } from '../src/redact.js';

/** Header and parameter names whose values are credentials: recognised by what they contain, not by a list the core keeps. */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-lc-key', 'x-lc-sign', 'x-lc-session', 'x-avoscloud-application-key', 'x-avoscloud-master-key', 'x-avoscloud-request-sign', 'x-avoscloud-session-token', 'x-parse-master-key', 'x-parse-session-token', 'x-parse-rest-api-key', 'x-parse-javascript-key', 'x-parse-client-key', 'x-parse-windows-key', 'x-parse-dotnet-key', 'x-api-key', 'x-auth-token', 'x-cloudbase-credentials', 'x-cloudbase-authorization', 'x-tcb-authorization'];
const SECRET_PARAMS = ['access_token', 'accesstoken', 'refresh_token', 'refreshtoken', 'id_token', 'token', 'sign', 'signature', 'sessiontoken', 'session_token', 'session', 'password', 'passwd', 'secret', 'client_secret', 'masterkey', 'master_key', 'appkey', 'app_key', 'api_key', 'apikey', 'key', 'credentials', 'ticket'];

const url = `https://app.lncld.net/1.1/classes/Post?access_token=${SECRETS.accessToken}&token=${SECRETS.token}&sign=${SECRETS.sign}&where=1`;
const requestHeaders = {
  Authorization: SECRETS.authorization,
  Cookie: SECRETS.cookie,
  'X-LC-Key': SECRETS.lcKey,
  'X-LC-Sign': SECRETS.lcSign,
  'X-LC-Session': SECRETS.lcSession,
  'X-Parse-Master-Key': SECRETS.parseMaster,
  'X-Parse-Session-Token': SECRETS.parseSession,
  'X-Parse-REST-API-Key': SECRETS.parseRest,
};

describe('redaction', () => {
  it('an axios error carrying every secret renders none of them', () => {
    const axiosError = Object.assign(new Error(`Request failed: GET ${url} with Authorization: ${SECRETS.authorization}`), {
      isAxiosError: true,
      config: { method: 'get', url, headers: requestHeaders, data: JSON.stringify({ sessionToken: SECRETS.sessionToken }) },
      response: {
        status: 400,
        headers: { 'set-cookie': SECRETS.cookie },
        data: { code: 107, error: `bad json {"sessionToken":"${SECRETS.sessionToken}"} x-lc-session: ${SECRETS.lcSession}` },
      },
    });
    const error = classify(axiosError);
    expect(error.request?.url).toContain('where=1');
    expectNoSecrets(error);
  });

  it('errors of every kind built with secrets in message, url and cause', () => {
    for (const kind of ERROR_KINDS) {
      const error = createError(kind, {
        message: `failed ${url} Authorization: ${SECRETS.authorization} "sessionToken":"${SECRETS.sessionToken}" X-Parse-Master-Key=${SECRETS.parseMaster}`,
        request: { method: 'post', url },
        cause: Object.assign(new Error(`cause with token=${SECRETS.token} and X-LC-Sign: ${SECRETS.lcSign}`), { config: { headers: requestHeaders } }),
        requestId: 'req-1',
      });
      expectNoSecrets(error);
    }
  });

  it('a fetch TypeError whose cause message carries the URL', () => {
    const error = classify(new TypeError(`fetch failed ${url}`, { cause: Object.assign(new Error(`connect to ${url}`), { code: 'ECONNRESET' }) }), { url, method: 'GET' });
    expectNoSecrets(error);
  });

  it('keeps text without credentials readable', () => {
    expect(redactText('Object not found. key name invalid')).toBe('Object not found. key name invalid');
    expect(redactText('https://x.test/a?b=1&access_token=zzz#h')).toBe('https://x.test/a?b=1&access_token=[REDACTED]#h');
    expect(redactText('https://user:pw@host/x')).toBe('https://[REDACTED]@host/x');
  });
});

describe('redaction of pairs that overlap', () => {
  it("a quoted value that swallows the opening quote of the next pair does not hide that pair's value", () => {
    for (const lead of ["'", "'x", '"', 'AUTH_TICKET: ']) {
      const text = `cloudbase AUTH_INVALID_CUSTOM_LOGIN_TICKET: ${lead} { sessionToken: '${SECRETS.sessionToken}' }`;
      expect(redactText(text)).not.toContain(SECRETS.sessionToken);
    }
    expect(redactText(`{ sessionToken: '${SECRETS.sessionToken}', note: 'ok' }`)).toBe("{ sessionToken: '[REDACTED]', note: 'ok' }");
  });
});

describe('the quick check before redacting', () => {
  it('matches every secret parameter, header, auth scheme and userinfo, so no text that needs redacting skips it', () => {
    const names = [...SECRET_PARAMS, ...SECRET_HEADERS, 'Bearer', 'Basic', 'Digest', 'Token', 'https://u:p@host/'];
    expect(names.filter((name) => !MAY_HOLD_SECRET.test(name))).toEqual([]);
    expect([...SECRET_PARAMS, ...SECRET_HEADERS].filter((name) => !isSecretName(name))).toEqual([]);
    expect(['x-lc-id', 'content-type', 'x-request-id', 'where', 'limit'].filter(isSecretName)).toEqual([]);
    for (const name of SECRET_HEADERS) expect(redactText(`${name}: s3cr3t-value`)).not.toContain('s3cr3t');
    for (const name of SECRET_PARAMS) expect(redactText(`GET /x?${name}=s3cr3t-value&a=1`)).not.toContain('s3cr3t');
  });

  it('leaves text without any of them untouched, and still redacts the rest', () => {
    const plain = 'connect ECONNREFUSED 127.0.0.1:9 (GET https://api.example.com/1.1/classes/Post?limit=10)';
    expect(redactText(plain)).toBe(plain);
    expect(redactText('GET https://api.example.com/x?access_token=abc123')).toBe('GET https://api.example.com/x?access_token=[REDACTED]');
  });
});
