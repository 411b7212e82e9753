import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JS script without types, checked here for its verdicts
import { BUDGET_KIB, judge } from '../scripts/size-budget.mjs';

type Verdict = { label: string; fails: boolean; text: string };
const kib = (n: number): number => Math.round(n * 1024);
const run = (entries: { label: string; bytes: number; budget: number }[], over: Record<string, number>): Verdict[] =>
  judge(entries, over) as Verdict[];

describe('size budget verdicts', () => {
  it('holds the budgets issue 7 sets', () => {
    expect(BUDGET_KIB).toEqual({ core: 5, httpAdapter: 2, socket: 4.2, catalog: 10 });
  });

  it('passes an entry within budget and fails one over it that is not listed', () => {
    const [fits, over] = run(
      [
        { label: 'a', bytes: kib(1.9), budget: 2 },
        { label: 'b', bytes: kib(2.1), budget: 2 },
      ],
      {},
    );
    expect(fits).toMatchObject({ fails: false, text: 'ok' });
    expect(over).toMatchObject({ fails: true });
    expect(over?.text).toMatch(/OVER by 0\.10 KiB: FAIL/);
  });

  it('holds a listed entry at its ceiling: passes below it, fails past it', () => {
    const entries = [{ label: 'core', bytes: kib(14), budget: 5 }];
    expect(run(entries, { core: 14.1 })[0]).toMatchObject({ fails: false });
    expect(run(entries, { core: 13.9 })[0]).toMatchObject({ fails: true });
    expect(run(entries, { core: 13.9 })[0]?.text).toMatch(/past its ceiling/);
  });

  it('fails a listed entry that fits its budget again, and a listed entry that is not measured', () => {
    const verdicts = run([{ label: 'core', bytes: kib(4.9), budget: 5 }], { core: 14.1, gone: 3 });
    expect(verdicts.map((v) => [v.label, v.fails])).toEqual([
      ['core', true],
      ['gone', true],
    ]);
    expect(verdicts[0]?.text).toMatch(/take it off OVER_BUDGET/);
  });
});
