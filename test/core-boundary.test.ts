import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Issue 12: core knows no client and no provider. Nothing under src/ may name axios, ky, got or a
 * provider (in code, strings or comments); what a provider means lives in catalog/<name>/, what a
 * client throws beside its adapter, and the one provider list is catalog/providers.ts.
 */

const FORBIDDEN: readonly [name: string, pattern: RegExp][] = [
  ['axios', /\baxios\b/i],
  ['ky', /\bky\b/i],
  // 'got' is also an English word: the library is named where it is imported or called.
  ['got', /['"]got['"]|\bgot\s*[.(]|\bgot(?:Error|Options)\b/],
  ['leancloud', /\blean\s?cloud\b|\blncld|avoscloud|\bx-lc-/i],
  // 'parse' is also a verb (JSON.parse): the product is capitalised, named as a string, or its headers.
  ['parse', /\bParse\b/],
  ['parse', /['"]parse['"]|x-parse-|parse-server/i],
  ['cloudbase', /\bcloud\s?base\b|\btcb\b|tcloudbase|云开发/i],
  ['easemob', /\beasemob\b|环信/i],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('core knows no client and no provider', () => {
  it('src/ names none of them', () => {
    const offenders: string[] = [];
    for (const file of files(new URL('../src', import.meta.url).pathname)) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        for (const [name, pattern] of FORBIDDEN) {
          // `JSON.parse` / `Date.parse` are the language's, not the product.
          if (pattern.test(line.replace(/\b(?:JSON|Date)\.parse\b/g, ''))) offenders.push(`${file.replace(/.*\/src\//, 'src/')}:${i + 1} (${name}): ${line.trim()}`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });

  it('the rule would catch them', () => {
    const caught = (line: string): boolean => FORBIDDEN.some(([, p]) => p.test(line.replace(/\b(?:JSON|Date)\.parse\b/g, '')));
    for (const line of ["import axios from 'axios';", "if (name === 'parse')", 'readers for ky errors', "import got from 'got';", '// LeanCloud IM', "'x-parse-application-id'", 'CloudBase', '环信']) expect(caught(line), line).toBe(true);
    for (const line of ['JSON.parse(text)', 'must be a number, got 5', 'Date.parse(value)', 'parseBody(text)']) expect(caught(line), line).toBe(false);
  });
});
