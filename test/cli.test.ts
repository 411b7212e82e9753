import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/faultline.js';

function run(args: string[], env: Record<string, string> = { LANG: 'en_US.UTF-8' }) {
  let out = '';
  let err = '';
  const code = runCli(args, { out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

describe('faultline CLI', () => {
  it('explains a code unique to one provider', () => {
    const r = run(['explain', '4107']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('leancloud');
    expect(r.out).toContain('connection_closed');
    // A close code is explained as what the socket does with it.
    expect(r.out).toMatch(/reconnect: reconnect \(with backoff\)/);
    expect(r.out).toMatch(/advice: \S+/);
  });

  it('lists candidates when a code is shared, and --provider picks one', () => {
    const r = run(['explain', '101']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('leancloud');
    expect(r.out).toContain('parse');
    const one = run(['explain', '101', '--provider', 'parse', '--json']);
    const parsed = JSON.parse(one.out);
    expect(parsed.provider).toBe('parse');
    expect(parsed.kind).toBe('not_found');
  });

  it('tells Easemob 429 rows apart by --error', () => {
    const rate = JSON.parse(run(['explain', '429', '--provider', 'easemob', '--error', 'reach_limit', '--json']).out);
    expect(rate.kind).toBe('rate_limited');
    expect(rate.status).toBe(429);
    const quota = JSON.parse(run(['explain', '429', '--provider', 'easemob', '--error', 'resource_limited', '--json']).out);
    expect(quota.kind).toBe('quota_exceeded');
  });

  it('speaks Chinese with --lang zh or a zh LANG', () => {
    expect(run(['explain', '4111', '--lang', 'zh']).out).toContain('建议');
    expect(run(['explain', '4111'], { LANG: 'zh_CN.UTF-8' }).out).toContain('建议');
  });

  it('exits 1 with a clear message on an unknown code', () => {
    const r = run(['explain', '99999999']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown code "99999999"/);
    expect(r.out).toBe('');
  });

  it('lists as a table with filters', () => {
    const r = run(['list', '--provider', 'leancloud', '--retry', 'never', '--kind', 'session_replaced']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^provider\s+code/);
    expect(r.out).toContain('4111');
    expect(r.out).not.toContain('4107');
    expect(run(['list', '--kind', 'bogus']).code).toBe(2);
  });
});

describe('faultline CLI: rows that share a status (issue 14)', () => {
  it('explain 401 --provider easemob --error unauthorized answers, naming the more specific rows', () => {
    const r = run(['explain', '401', '--provider', 'easemob', '--error', 'unauthorized']);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/pass --provider/);
    expect(r.out).toContain('session_expired');
    expect(r.out).toMatch(/more specific meanings.*registration/);
  });

  it('--message picks the row whose text the server sent', () => {
    const joined = run(['explain', '403', '--provider', 'easemob', '--error', 'forbidden_op', '--message', 'can not join this group, reason:user u1 has joined too many groups/chatroom!']);
    expect(joined.out).toContain('quota_exceeded');
    const already = run(['explain', '403', '--provider', 'easemob', '--error', 'forbidden_op', '--message', 'can not join this group, reason:user: u1 already in group: 123']);
    expect(already.out).toContain('conflict');
    expect(already.out).not.toContain('quota_exceeded');
  });
});
