import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leancloud } from '../catalog/leancloud/full.js';
import { classify as classifyCore } from '../src/classify.js';
import { LIMITS } from '../src/constants.js';
import { classify, classifyClose } from '../src/index.js';
import { redactText } from '../src/redact.js';

/*
 * Issue 12: classify() was quadratic on bodies full of `<title` (64 KiB: 309 ms, 10 MB: no answer
 * in 300 s) and kept a 10 MB `code` as a 10 MB message. Every scan is now linear and capped at
 * what the adapters read (LIMITS.body), and what an error keeps is cut to a sane length.
 *
 * The time bound is deliberately loose — 1 ms per KiB of input, 50 ms at least — so that a loaded
 * machine never fails it, while anything quadratic does by orders of magnitude.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

/** Adversarial texts: repeated tags, quotes, escapes, secret-looking pairs, JSON that never ends. */
const PATTERNS: Record<string, string> = {
  'open titles': '<title',
  'closed titles': '<title>x</title>',
  'quotes': '"',
  'escapes': '\\"',
  'token pairs': 'token=',
  'quoted pairs': '"sessionToken":"',
  'userinfo': 'a://b:c@',
  'bearer': 'Bearer abcdefgh ',
  'cjk': '会话过期，',
};

function body(pattern: string, size: number): string {
  return pattern.repeat(Math.ceil(size / pattern.length)).slice(0, size);
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const bound = (size: number): number => Math.max(50, size / KiB);

describe('every text scan is linear and capped', () => {
  for (const [name, pattern] of Object.entries(PATTERNS)) {
    for (const size of [1 * MiB, 4 * MiB, 10 * MiB]) {
      it(`${name}, ${size / MiB} MB: classify, as a body, a JSON string, a code and a message`, () => {
        const text = body(pattern, size);
        const shapes: unknown[] = [
          { status: 500, body: text },
          { status: 500, body: `{"code":"${text}"}` },
          { status: 400, body: { code: text, error: text, requestId: text } },
          Object.assign(new Error(text), { code: text }),
          text,
        ];
        for (const shape of shapes) {
          let error: ReturnType<typeof classify> | undefined;
          const ms = timed(() => {
            error = classify(shape, { provider: leancloud });
          });
          expect(ms, `${name} ${size}: ${ms.toFixed(1)} ms`).toBeLessThan(bound(size));
          const e = error as ReturnType<typeof classify>;
          // What an error keeps is bounded, whatever it was made from.
          expect(e.message.length).toBeLessThanOrEqual(LIMITS.message + 1);
          expect(String(e.code ?? '').length).toBeLessThanOrEqual(LIMITS.code + 1);
          expect((e.requestId ?? '').length).toBeLessThanOrEqual(LIMITS.code + 1);
          expect(JSON.stringify(e).length).toBeLessThan(16 * KiB);
          expect(timed(() => void e.stack)).toBeLessThan(bound(size));
        }
        expect(timed(() => redactText(text))).toBeLessThan(bound(size));
        expect(timed(() => classifyClose(4000, text))).toBeLessThan(bound(size));
      });
    }
  }

  it('property: random mixtures of the patterns, up to 256 KiB, stay within the bound', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...Object.values(PATTERNS)), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 256 * KiB }), (parts, size) => {
        const text = body(parts.join(''), size);
        const ms = timed(() => {
          classifyCore({ status: 502, body: text });
          classifyCore({ status: 429, headers: { 'retry-after': text }, body: { code: 140, error: text } }, { provider: leancloud });
        });
        return ms < bound(size);
      }),
      { numRuns: 200 },
    );
  });
});
