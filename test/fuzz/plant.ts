import fc from 'fast-check';
import { SECRETS } from '../helpers/secrets.js';

/**
 * Where real clients carry credentials: query values, request headers, echoed bodies and header
 * dumps. Secrets go only into keyed slots (a name a redactor can see), never as bare text.
 */

export const HOSTS = [
  'https://abc123.lc-cn-n1-shared.com',
  'https://api.lncld.net',
  'https://app.leancloud.cn',
  'https://parseapi.back4app.com',
  'https://env-7g1.api.tcloudbase.com',
  'https://a1.easemob.com',
  'http://127.0.0.1:8080',
  'wss://rtm.lncldglobal.com',
] as const;

const QUERY_SECRETS: ReadonlyArray<readonly [string, string]> = [
  ['access_token', SECRETS.accessToken],
  ['token', SECRETS.token],
  ['sign', SECRETS.sign],
  ['sessionToken', SECRETS.sessionToken],
];
const QUERY_PLAIN: ReadonlyArray<readonly [string, string]> = [
  ['limit', '10'],
  ['where', '{"a":1}'],
  ['keys', 'name,age'],
];

export interface UrlSpec {
  host: number;
  path: string;
  params: number[];
  fragment: boolean;
}

export const urlSpec: fc.Arbitrary<UrlSpec> = fc.record({
  host: fc.nat({ max: HOSTS.length - 1 }),
  path: fc.constantFrom('', '/', '/1.1/classes/Todo', '/parse/users/me', '/org/app/messages', '/v1/functions/x'),
  params: fc.uniqueArray(fc.nat({ max: QUERY_SECRETS.length + QUERY_PLAIN.length - 1 }), { maxLength: 5 }),
  fragment: fc.boolean(),
});

export function buildUrl(spec: UrlSpec): string {
  const all = [...QUERY_SECRETS, ...QUERY_PLAIN];
  const query = spec.params.map((i) => all[i] as readonly [string, string]).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  const url = `${HOSTS[spec.host]}${spec.path}${query ? `?${query}` : ''}`;
  return spec.fragment ? `${url}#access_token=${SECRETS.accessToken}` : url;
}

const HEADER_SECRETS: ReadonlyArray<readonly [string, string]> = [
  ['Authorization', SECRETS.authorization],
  ['Cookie', SECRETS.cookie],
  ['X-LC-Key', SECRETS.lcKey],
  ['X-LC-Sign', SECRETS.lcSign],
  ['X-LC-Session', SECRETS.lcSession],
  ['X-Parse-Master-Key', SECRETS.parseMaster],
  ['X-Parse-Session-Token', SECRETS.parseSession],
  ['X-Parse-REST-API-Key', SECRETS.parseRest],
];
const HEADER_PLAIN: ReadonlyArray<readonly [string, string]> = [
  ['X-LC-Id', 'abc123-gzGzoHsz'],
  ['X-Parse-Application-Id', 'myAppId'],
  ['Content-Type', 'application/json'],
  ['x-tcb-region', 'ap-shanghai'],
];

/** Indices into the secret + plain request headers. */
export const requestHeaderSpec = fc.uniqueArray(fc.nat({ max: HEADER_SECRETS.length + HEADER_PLAIN.length - 1 }), { maxLength: 6 });

export function buildRequestHeaders(spec: readonly number[], lowerCase = false): Record<string, string> {
  const all = [...HEADER_SECRETS, ...HEADER_PLAIN];
  const out: Record<string, string> = {};
  for (const i of spec) {
    const [name, value] = all[i] as readonly [string, string];
    out[lowerCase ? name.toLowerCase() : name] = value;
  }
  return out;
}

/**
 * How a server or SDK echoes credentials back inside an error text: a header dump, a form body,
 * a JSON body, and a JSON body that was itself stringified once more (SDK wrappers do that).
 */
export const ECHOES = [
  () => `X-LC-Session: ${SECRETS.lcSession}`,
  () => `Authorization: ${SECRETS.authorization}`,
  // PHP/CGI environment dumps spell request headers HTTP_<NAME>.
  () => `HTTP_AUTHORIZATION: ${SECRETS.authorization}`,
  () => `x-parse-session-token=${SECRETS.parseSession}`,
  () => `sessionToken=${SECRETS.sessionToken}&token=${SECRETS.token}`,
  () => JSON.stringify({ sessionToken: SECRETS.sessionToken, username: 'u' }),
  () => `{ sessionToken: '${SECRETS.sessionToken}' }`,
  () => JSON.stringify({ headers: { 'X-LC-Key': SECRETS.lcKey, 'X-LC-Sign': SECRETS.lcSign } }),
  () => `request to ${HOSTS[0]}/1.1/users/me?access_token=${SECRETS.accessToken}&sign=${SECRETS.sign} failed`,
  () => JSON.stringify(JSON.stringify({ sessionToken: SECRETS.sessionToken })),
] as const;

/** An index into ECHOES, or -1 for none. */
export const echoSpec = fc.integer({ min: -1, max: ECHOES.length - 1 });

export function echo(index: number): string {
  return index < 0 ? '' : (ECHOES[index] as () => string)();
}

/** `text` followed by the echo, set apart by a space (so no generated text glues onto a name). */
export function withEcho(text: string, index: number): string {
  return index < 0 ? text : `${text} ${echo(index)}`;
}
