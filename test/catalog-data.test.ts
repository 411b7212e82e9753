import { describe, expect, it } from 'vitest';
import { cloudbaseCodes } from '../catalog/cloudbase/codes.js';
import { cloudbaseDecisions } from '../catalog/cloudbase/decisions.js';
import { cloudbaseEn } from '../catalog/cloudbase/en.js';
import { cloudbaseZh } from '../catalog/cloudbase/zh.js';
import { easemobCodes } from '../catalog/easemob/codes.js';
import { easemobDecisions } from '../catalog/easemob/decisions.js';
import { easemobEn } from '../catalog/easemob/en.js';
import { easemobZh } from '../catalog/easemob/zh.js';
import { httpDecisions } from '../catalog/http/decisions.js';
import { httpEn } from '../catalog/http/en.js';
import { httpZh } from '../catalog/http/zh.js';
import { leancloudCodes } from '../catalog/leancloud/codes.js';
import { leancloudDecisions } from '../catalog/leancloud/decisions.js';
import { leancloudEn } from '../catalog/leancloud/en.js';
import { leancloudZh } from '../catalog/leancloud/zh.js';
import { networkDecisions } from '../catalog/network/decisions.js';
import { networkEn } from '../catalog/network/en.js';
import { networkZh } from '../catalog/network/zh.js';
import { parseCodes } from '../catalog/parse/codes.js';
import { parseDecisions } from '../catalog/parse/decisions.js';
import { parseEn } from '../catalog/parse/en.js';
import { parseZh } from '../catalog/parse/zh.js';
import { websocketDecisions } from '../catalog/websocket/decisions.js';
import { websocketEn } from '../catalog/websocket/en.js';
import { websocketZh } from '../catalog/websocket/zh.js';
import type { Catalog, CatalogRow, CatalogText, Code, DocumentedCode } from '../src/catalog-types.js';
import { rowKey } from '../src/catalog-types.js';
import { ERROR_KINDS, KIND_RETRY, RETRY_SEMANTICS, type ErrorKind, type RetrySemantics } from '../src/kinds.js';
import { candidates, unreachedMatches, unresolved, type Signal } from './helpers/catalog-resolve.js';

/*
 * The catalogs as data: every rule the one row format sets, checked on every catalog, and the
 * decisions issue 14 settled, pinned. Reads nothing outside the repository: the documents' codes
 * are the committed codes.ts lists (scripts/seed-check.mjs holds those to the documents).
 */

interface Entry {
  readonly name: string;
  readonly decisions: Catalog;
  readonly en: CatalogText;
  readonly zh: CatalogText;
  readonly codes?: readonly DocumentedCode[];
}

const CATALOGS: readonly Entry[] = [
  { name: 'leancloud', decisions: leancloudDecisions, en: leancloudEn, zh: leancloudZh, codes: leancloudCodes },
  { name: 'parse', decisions: parseDecisions, en: parseEn, zh: parseZh, codes: parseCodes },
  { name: 'cloudbase', decisions: cloudbaseDecisions, en: cloudbaseEn, zh: cloudbaseZh, codes: cloudbaseCodes },
  { name: 'easemob', decisions: easemobDecisions, en: easemobEn, zh: easemobZh, codes: easemobCodes },
  { name: 'http', decisions: httpDecisions, en: httpEn, zh: httpZh },
  { name: 'websocket', decisions: websocketDecisions, en: websocketEn, zh: websocketZh },
  { name: 'network', decisions: networkDecisions, en: networkEn, zh: networkZh },
];

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** Calls like `signUp()`, code spans and URLs keep their ASCII punctuation inside Chinese text. */
const EXEMPT = /[\w.$]+\(\)|`[^`]*`|https?:\/\/[^\s，。；）]+/g;

/** Half-width , ; : ( ) ! ? written right next to a CJK character, with a little context each. */
function halfWidthNextToCjk(text: string): string[] {
  const s = text.replace(EXEMPT, (m) => '_'.repeat(m.length));
  const found: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (!',;:()!?'.includes(s[i]!)) continue;
    if (CJK.test(s[i - 1] ?? '') || CJK.test(s[i + 1] ?? '')) found.push(text.slice(Math.max(0, i - 6), i + 7));
  }
  return found;
}

const retryOf = (row: CatalogRow): RetrySemantics => row.retry ?? KIND_RETRY[row.kind];
const nonEmpty = (s: unknown): boolean => typeof s === 'string' && s.trim().length > 0;

describe.each(CATALOGS)('catalog $name', ({ name, decisions, en, zh, codes }) => {
  const keys = decisions.map(rowKey);

  it('has rows with unique keys', () => {
    expect(decisions.length).toBeGreaterThan(0);
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
  });

  it('writes only kinds and retries of the taxonomy, and retry only where it differs from the kind', () => {
    for (const row of decisions) {
      const at = `${name} ${rowKey(row)}`;
      expect(ERROR_KINDS, at).toContain(row.kind);
      if (row.retry !== undefined) {
        expect(RETRY_SEMANTICS, at).toContain(row.retry);
        expect(row.retry, `${at}: retry equals KIND_RETRY.${row.kind}, omit it`).not.toBe(KIND_RETRY[row.kind]);
      }
    }
  });

  it('keys every row by a code or a status, with no empty parts', () => {
    for (const row of decisions) {
      const at = `${name} ${rowKey(row)}`;
      expect(row.code !== undefined || row.status !== undefined, at).toBe(true);
      if (typeof row.code === 'string') expect(nonEmpty(row.code), at).toBe(true);
      if (typeof row.code === 'number') expect(Number.isInteger(row.code), at).toBe(true);
      if (row.status !== undefined) expect(row.status >= 100 && row.status <= 599, at).toBe(true);
      if (row.match !== undefined) {
        expect(nonEmpty(row.match), at).toBe(true);
        expect(row.code, `${at}: a match belongs to a code`).toBeDefined();
      }
    }
  });

  it('has text in English and Chinese for every row, and no text without a row', () => {
    for (const [text, lang] of [[en, 'en'], [zh, 'zh']] as const) {
      expect(text.catalog).toBe(name);
      expect(text.lang).toBe(lang);
      expect(Object.keys(text.rows).sort()).toEqual([...keys].sort());
    }
  });

  it('has no empty description or advice, and advice that is not the description again', () => {
    for (const text of [en, zh]) {
      for (const [key, [description, advice]] of Object.entries(text.rows)) {
        const at = `${name} ${text.lang} ${key}`;
        expect(nonEmpty(description), at).toBe(true);
        expect(nonEmpty(advice), at).toBe(true);
        expect(advice, at).not.toBe(description);
      }
    }
  });

  it('writes English text without Chinese, and Chinese text with full-width punctuation', () => {
    for (const [key, row] of Object.entries(en.rows)) {
      for (const s of row) expect(s, `${name} en ${key}`).not.toMatch(/[\u3400-\u9fff]/);
    }
    for (const [key, row] of Object.entries(zh.rows)) {
      expect(row.join(''), `${name} zh ${key}`).toMatch(/[\u3400-\u9fff]/);
      for (const s of row) expect(halfWidthNextToCjk(s), `${name} zh ${key}: ${s}`).toEqual([]);
    }
  });

  // Only the providers have documents; the generic catalogs (http, websocket, network) are built from the standards.
  if (codes !== undefined) {
    it('resolves every documented code to exactly one row of its own', () => {
      const list = codes;
      expect(list.length).toBeGreaterThan(0);
      const problems = list.map((doc) => unresolved(decisions, doc)).filter((p) => p !== undefined);
      expect(problems).toEqual([]);
      expect(unreachedMatches(decisions, list)).toEqual([]);
    });

    it('lists each documented code once, with names and texts that are not empty', () => {
      const list = codes;
      const ids = list.map((d) => JSON.stringify([d.status, d.code, d.text]));
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      for (const doc of list) {
        const at = `${name} ${String(doc.code)}`;
        expect(doc.names.every(nonEmpty), at).toBe(true);
        if (doc.text !== undefined) expect(nonEmpty(doc.text), at).toBe(true);
      }
    });
  }
});

describe('the full-width check itself', () => {
  it('flags half-width punctuation beside Chinese and lets code, URLs and English through', () => {
    expect(halfWidthNextToCjk('对象不存在,或者密码不正确。')).toHaveLength(1);
    expect(halfWidthNextToCjk('请求超时(默认 10 秒)')).toHaveLength(2);
    expect(halfWidthNextToCjk('用 Parse.User.signUp()，不要用 save()。')).toEqual([]);
    expect(halfWidthNextToCjk('例如 International SMS is disabled, please enable it in console. 就表示')).toEqual([]);
    expect(halfWidthNextToCjk('设置 Content-Type: application/json 并发送')).toEqual([]);
  });
});

// --- decisions pinned by issue 14 -----------------------------------------------------------------

const DECISIONS: Readonly<Record<string, Catalog>> = Object.fromEntries(CATALOGS.map((c) => [c.name, c.decisions]));

/** The one row a signal lands on (the test fails on none or on several). */
function pick(catalog: string, signal: Signal): CatalogRow {
  const rows = candidates(DECISIONS[catalog]!, signal);
  expect(rows, `${catalog} ${JSON.stringify(signal)}`).toHaveLength(1);
  return rows[0]!;
}
const decided = (catalog: string, code: Code, status?: number): [ErrorKind, RetrySemantics] => {
  const row = pick(catalog, { code, status });
  return [row.kind, retryOf(row)];
};

describe('LeanCloud IM close codes follow leancloud-realtime', () => {
  // realtime.js handleClose: only APP_NOT_AVAILABLE, INVALID_LOGIN and INVALID_ORIGIN throw; any
  // other close disconnects and reconnects. Kicks come in-band (session closed), not as closes.
  it.each([4100, 4103, 4110])('%i ends the connection for good', (code) => {
    expect(decided('leancloud', code)[1]).toBe('never');
  });

  it('reconnects after a login timeout, an oversized or an unparseable frame', () => {
    expect(decided('leancloud', 4108)).toEqual(['timeout', 'always']);
    expect(decided('leancloud', 4109)).toEqual(['invalid_request', 'always']);
    expect(decided('leancloud', 4114)).toEqual(['invalid_request', 'always']);
  });

  it('stays kicked after 4111 and 4115, and reconnects after a read timeout', () => {
    expect(decided('leancloud', 4111)).toEqual(['session_replaced', 'never']);
    expect(decided('leancloud', 4115)).toEqual(['session_replaced', 'never']);
    expect(decided('leancloud', 4107)).toEqual(['connection_closed', 'always']);
    expect(decided('leancloud', 4112)).toEqual(['session_expired', 'after-refresh']);
  });
});

describe('limits and bills mean the same across providers', () => {
  it('never retries an SMS sending limit automatically', () => {
    expect(decided('leancloud', 601)).toEqual(['rate_limited', 'never']);
    expect(decided('cloudbase', 'PHONE_CODE_SEND_LIMIT_EXCEED')).toEqual(['rate_limited', 'never']);
  });

  it('reads an unpaid bill as a quota to pay for', () => {
    expect(decided('leancloud', 160)).toEqual(['quota_exceeded', 'never']);
    expect(decided('cloudbase', 'SERVICE_CHARGE_OVERDUE')).toEqual(['quota_exceeded', 'never']);
    expect(decided('http', 402)).toEqual(['quota_exceeded', 'never']);
  });

  it('reads memory, storage and count caps as quotas, and a feature switched off as configuration', () => {
    for (const code of ['FUNCTIONS_MEMORY_LIMIT_EXCEEDED', 'FUNCTION_MEMORY_LIMIT_EXCEEDED', 'DATABASE_COLLECTION_EXCEED_LIMIT', 'EXCEED_TOKEN_QUOTA_LIMIT']) {
      expect(decided('cloudbase', code), code).toEqual(['quota_exceeded', 'never']);
    }
    expect(decided('parse', 140)).toEqual(['quota_exceeded', 'never']);
    expect(decided('http', 507)).toEqual(['quota_exceeded', 'never']);
    for (const code of [4325, 4406, 4407, 4544]) expect(decided('leancloud', code), String(code)).toEqual(['configuration', 'never']);
    for (const code of ['STATIC_RESOURCE_NONACTIVATED', 'UNSUPPORTED_AUTH_TYPE', 'AI_MODEL_DISABLED']) {
      expect(decided('cloudbase', code), code).toEqual(['configuration', 'never']);
    }
    expect(decided('parse', 252)).toEqual(['configuration', 'never']);
  });
});

describe('CloudBase tokens and signed links', () => {
  it('refreshes an expired access token once, as its SDKs do, and gives up on a dead refresh token', () => {
    expect(decided('cloudbase', 'ACCESS_TOKEN_EXPIRED')).toEqual(['session_expired', 'after-refresh']);
    for (const code of ['REFRESH_TOKEN_EXPIRED', 'INVALID_REFRESH_TOKEN', 'invalid_grant', 'REFRESH_TOKEN_DISABLED', 'INVALID_ACCESS_TOKEN']) {
      expect(decided('cloudbase', code), code).toEqual(['unauthenticated', 'never']);
    }
  });

  it('never refreshes credentials for an expired signed link: the signature is in the URL', () => {
    expect(decided('cloudbase', 'CDN_SIGNATURE_EXPIRED')).toEqual(['unauthenticated', 'never']);
  });

  it('keeps the extra token rows out of the documented codes', () => {
    const documented = new Set(cloudbaseCodes.map((d) => d.code));
    for (const code of ['ACCESS_TOKEN_EXPIRED', 'REFRESH_TOKEN_EXPIRED', 'INVALID_REFRESH_TOKEN', 'invalid_grant']) {
      expect(documented.has(code), code).toBe(false);
    }
  });
});

describe('Easemob rows that share status and error', () => {
  const forbidden = (message: string): CatalogRow => pick('easemob', { status: 403, code: 'forbidden_op', message });

  it.each([
    ['can not join this group, reason:user: hxtest1 already in group: 40659491815425', 'already in group', 'conflict'],
    ['can not join this group, reason:user: zhang_san-2 already in group: 1834729364012', 'already in group', 'conflict'],
    ['users [hxtest100] are not members of this group!', 'are not members', 'invalid_request'],
    ['users [alice, bob_2] are not members of this group!', 'are not members', 'invalid_request'],
    ["user: username1 doesn't exist in group: 40659491815425", 'exist in group', 'invalid_request'],
    ["user: owner doesn't exist in group: 99", 'exist in group', 'invalid_request'],
    ['new owner and old owner are the same', 'owner are the same', 'invalid_request'],
    ['forbidden operation on group owner!', 'group owner', 'permission_denied'],
    ['can not join this group, reason：user %s has joined too many groups/chatroom!', 'joined too many', 'quota_exceeded'],
    ['can not join this group, reason:user: wangwu has joined too many groups/chatroom!', 'joined too many', 'quota_exceeded'],
    ['this appKey has create too many groups/chatrooms!', 'create too many', 'quota_exceeded'],
  ])('%s → %s', (message, match, kind) => {
    const row = forbidden(message);
    expect(row.match).toBe(match);
    expect(row.kind).toBe(kind);
    expect(retryOf(row)).toBe('never');
  });

  it('tells "already in group" (done) from "joined too many" (a cap) though both start alike', () => {
    expect(forbidden('can not join this group, reason:user: a already in group: 1').kind).toBe('conflict');
    expect(forbidden('can not join this group, reason:user: a has joined too many groups/chatroom!').kind).toBe('quota_exceeded');
  });

  it('falls back to the generic forbidden_op row for a message it does not know', () => {
    expect(forbidden('some new group rule').match).toBeUndefined();
    expect(forbidden('').kind).toBe('permission_denied');
  });

  it('refreshes the App Token for any `unauthorized`, not for a corrupt or foreign token', () => {
    for (const message of ['Unable to authenticate due to expired access token', 'registration is not open, please contact the app admin', 'token expired']) {
      expect(retryOf(pick('easemob', { status: 401, code: 'unauthorized', message })), message).toBe('after-refresh');
    }
    for (const message of ['Unable to authenticate due to corrupt access token', 'Unable to authenticate']) {
      expect(retryOf(pick('easemob', { status: 401, code: 'auth_bad_access_token', message })), message).toBe('never');
    }
  });

  it('keeps a 429 a rate limit unless its body says quota', () => {
    expect(decided('easemob', 'resource_limited', 429)).toEqual(['quota_exceeded', 'never']);
    expect(decided('easemob', 'reach_limit', 429)).toEqual(['rate_limited', 'always']);
    const bare = pick('easemob', { status: 429 });
    expect([bare.kind, retryOf(bare)]).toEqual(['rate_limited', 'always']);
    expect(pick('easemob', { status: 429, code: 'resource_limited' }).status).toBe(429);
  });

  it('tells web_application apart by status', () => {
    expect(pick('easemob', { status: 415, code: 'web_application' }).status).toBe(415);
    expect(pick('easemob', { status: 500, code: 'web_application' }).status).toBe(500);
    expect(easemobEn.rows['500 web_application']![0]).toBe('The request URL is wrong.');
  });
});
