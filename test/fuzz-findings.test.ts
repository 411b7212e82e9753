/**
 * Minimal counterexamples the classify() fuzz found in src/, kept as plain tests so each one
 * names its bug. They fail until src/ is fixed; the fuzz (test/fuzz.test.ts) finds them too.
 */
import { describe, expect, it } from 'vitest';
import { classify, classifyClose } from '../src/index.js';
import { ERROR_KINDS } from '../src/kinds.js';
import { redactText } from '../src/redact.js';
import { expectNoSecrets, renderings, SECRETS } from './helpers/secrets.js';


describe('fuzz findings', () => {
  it('EAI_AGAIN (DNS temporarily unavailable) is a never-sent network error, bare or inside fetch failed', () => {
    const dns = Object.assign(new Error('getaddrinfo EAI_AGAIN api.lncld.net'), { code: 'EAI_AGAIN', errno: -3001, syscall: 'getaddrinfo', hostname: 'api.lncld.net' });
    const bare = classify(dns);
    expect([bare.kind, bare.retry, bare.provider]).toEqual(['network', 'always', 'network']);
    const wrapped = classify(new TypeError('fetch failed', { cause: dns }));
    expect([wrapped.kind, wrapped.retry]).toEqual(['network', 'always']);
  });

  it('redacts credentials inside JSON that was stringified twice (the CloudBase SDK wrapper does that)', () => {
    const echoed = JSON.stringify({ sessionToken: SECRETS.sessionToken });
    expect(redactText(JSON.stringify(echoed))).not.toContain('SECRET_');
    const wrapper = new Error(JSON.stringify({ code: 'OPERATION_FAIL', msg: `[INVALID_PARAM] ${echoed}` }));
    expectNoSecrets(classify(wrapper));
  });

  it('redacts a header dump that spells the header HTTP_AUTHORIZATION (PHP/CGI)', () => {
    expect(redactText(`HTTP_AUTHORIZATION: ${SECRETS.authorization}`)).not.toContain('SECRET_');
    expectNoSecrets(classify({ status: 401, body: `HTTP_AUTHORIZATION: ${SECRETS.authorization}` }));
  });

  it('an object carrying the brand but no known kind (a forged or newer copy) still comes back with a valid kind and retry', () => {
    for (const forged of [{ [Symbol.for('faultline.error')]: true }, { [Symbol.for('faultline.error')]: true, kind: 'future_kind', retry: 'sometimes' }]) {
      const error = classify(forged);
      expect(ERROR_KINDS).toContain(error.kind);
      expect(['always', 'idempotent', 'after-refresh', 'never']).toContain(error.retry);
    }
  });

  it('classifyClose keeps only integer close codes, and renders whatever it is given', () => {
    for (const code of [Number.NaN, Number.POSITIVE_INFINITY, 1000.5, 5e-324]) {
      const error = classifyClose(code);
      expect(error.closeCode === undefined || Number.isInteger(error.closeCode)).toBe(true);
      expect(error.code === undefined || typeof error.code === 'string' || Number.isFinite(error.code)).toBe(true);
    }
    expect(() => JSON.stringify(classifyClose(10n as unknown as number))).not.toThrow();
  });

  it('toJSON reads a hostile cause once: a getter that changes its answer cannot make JSON.stringify throw', () => {
    let reads = 0;
    const input = {
      message: 'm',
      get code(): unknown {
        return reads++ < 2 ? 'x' : { toJSON: (): never => { throw new Error('hostile'); } };
      },
    };
    const error = classify(input);
    expect(() => renderings(error)).not.toThrow();
  });

  it('a Retry-After in asctime format is UTC whatever the local time zone (RFC 9110 §5.6.7)', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const at = new Date(Date.now() + 10_000);
      const imf = at.toUTCString(); // "Tue, 14 Nov 2023 08:00:10 GMT"
      const [, , mon, yyyy, time] = imf.split(' ');
      const asctime = `${imf.slice(0, 3)} ${mon} ${String(at.getUTCDate()).padStart(2, ' ')} ${time} ${yyyy}`;
      const error = classify({ status: 503, headers: { 'retry-after': asctime } });
      expect(error.retryAfterMs).toBeGreaterThanOrEqual(0);
      expect(error.retryAfterMs).toBeLessThanOrEqual(10_000);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('a 100 kB server message of "a.a.a…" is redacted unchanged and rendered bounded', () => {
    // USERINFO_RE's scheme part could start at every word boundary of a long [a-z0-9+.-] run:
    // quadratic (5.6 s for this input). Linear now; timing stays out of unit tests (the suite's
    // timeout still catches a relapse), so this pins correctness and the bounded renderings.
    const message = 'a.'.repeat(50_000);
    // Unchanged (nothing to redact), and cut to the 64 KiB redactText() scans at most.
    expect(redactText(message)).toBe(`${message.slice(0, 65_536)}…`);
    expect(redactText(message.slice(0, 60_000))).toBe(message.slice(0, 60_000));
    const error = classify({ name: 'ParseError', code: 141, message });
    for (const text of renderings(error)) expect(text.length).toBeLessThan(20_000);
  });
});
