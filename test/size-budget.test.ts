import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JS script without types, checked here for its verdicts
import { BUDGET_KIB, judge } from '../scripts/size-budget.mjs';

type Verdict = { label: string; fails: boolean; text: string };
const kib = (n: number): number => Math.round(n * 1024);
const run = (entries: { label: string; bytes: number; budget: number }[]): Verdict[] => judge(entries) as Verdict[];

describe('size budget verdicts', () => {
  it('holds the budgets issue 12 sets', () => {
    expect(BUDGET_KIB).toEqual({ core: 9.5, decisions: 1, httpAdapter: 2, socket: 4.2, leancloudApp: 12, text: 10 });
  });

  it('passes an entry within budget and fails one over it: there is no list of exceptions', () => {
    const [fits, edge, over] = run([
      { label: 'a', bytes: kib(1.9), budget: 2 },
      { label: 'b', bytes: kib(2), budget: 2 },
      { label: 'c', bytes: kib(2.01), budget: 2 },
    ]);
    expect(fits).toMatchObject({ fails: false, text: 'ok' });
    expect(edge).toMatchObject({ fails: false });
    expect(over).toMatchObject({ fails: true });
    expect(over?.text).toMatch(/OVER by 0\.01 KiB/);
  });

  it('never fails an entry measured only for information (no budget)', () => {
    expect(run([{ label: 'info', bytes: kib(50), budget: Infinity }])[0]).toMatchObject({ fails: false });
  });
});
