/**
 * The credentials every soak request carries, and the leak check applied to everything the
 * library hands back (errors, event payloads, diagnostics messages). No vitest here: the soak
 * runs as a plain Node program too.
 */
import { inspect } from 'node:util';

export const SOAK_SECRETS = {
  authorization: 'Bearer sk_live_SOAKSECRET_AUTH_91c2',
  lcKey: 'SOAKSECRET_LCKEY_7d1e,master',
  lcSign: 'SOAKSECRET_LCSIGN_44ab,1699999999999,master',
  lcSession: 'SOAKSECRET_LCSESSION_0f9a',
  accessToken: 'SOAKSECRET_ACCESS_TOKEN_5e6f',
  sign: 'SOAKSECRET_SIGN_b7c8',
  sessionToken: 'SOAKSECRET_BODY_SESSION_d0e1',
} as const;

/** Headers a LeanCloud-style client sends on every request. */
export const SECRET_HEADERS: Readonly<Record<string, string>> = {
  Authorization: SOAK_SECRETS.authorization,
  'X-LC-Id': 'soakAppId',
  'X-LC-Key': SOAK_SECRETS.lcKey,
  'X-LC-Sign': SOAK_SECRETS.lcSign,
  'X-LC-Session': SOAK_SECRETS.lcSession,
};

/** Appended to every path: credentials in the query string. */
export const SECRET_QUERY = `access_token=${SOAK_SECRETS.accessToken}&sign=${SOAK_SECRETS.sign}&where=%7B%7D`;

/** The part of each secret that must never show up, whatever was done to the rest. */
const MARKERS: readonly string[] = [...new Set(Object.values(SOAK_SECRETS).map((s) => s.replace(/^.*?(SOAKSECRET_[A-Z_]+_[0-9a-f]+).*$/, '$1')))];

/** Secrets (their distinctive parts) found in `text`. */
export function secretsIn(text: string, markers: readonly string[] = MARKERS): string[] {
  return markers.filter((m) => text.includes(m));
}

/** Every way an error (or any value) typically gets rendered into a log. */
export function renderValue(value: unknown): string[] {
  const out: string[] = [];
  const safe = (render: () => string): void => {
    try {
      out.push(render());
    } catch (error) {
      out.push(`[render failed: ${String(error)}]`);
    }
  };
  if (value instanceof Error) {
    safe(() => value.message);
    safe(() => String(value));
    safe(() => value.stack ?? '');
  }
  safe(() => JSON.stringify(value) ?? '');
  safe(() => inspect(value, { depth: 10 }));
  safe(() => inspect(value, { depth: 10, showHidden: true }));
  return out;
}

/** Secrets leaked by any rendering of `value` (an error, an event payload, a channel message). */
export function leaksOf(value: unknown, markers?: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of renderValue(value)) for (const m of secretsIn(text, markers)) found.add(m);
  return [...found];
}
