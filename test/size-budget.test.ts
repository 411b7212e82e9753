import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JS script without types, checked here for its verdicts
import { BUDGET_KIB, OVER_BUDGET, judge } from '../scripts/size-budget.mjs';

type Verdict = { label: string; fails: boolean; text: string };
const kib = (n: number): number => Math.round(n * 1024);
const run = (entries: { label: string; bytes: number; budget: number }[], over: Record<string, number> = {}): Verdict[] => judge(entries, over) as Verdict[];

describe('size budget verdicts', () => {
  it('holds the budgets issue 12 sets', () => {
    expect(BUDGET_KIB).toEqual({ core: 9.5, decisions: 1, httpAdapter: 2, socket: 4.2, leancloudApp: 12, text: 10 });
  });

  it('passes an entry within budget and fails one over it that is not listed', () => {
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

  it('holds a listed entry at its ceiling: growing past it fails, fitting the budget again fails until it is taken off', () => {
    const over = { core: 11.6 };
    expect(run([{ label: 'core', bytes: kib(11.5), budget: 9.5 }], over)[0]).toMatchObject({ fails: false });
    expect(run([{ label: 'core', bytes: kib(11.7), budget: 9.5 }], over)[0]).toMatchObject({ fails: true });
    expect(run([{ label: 'core', bytes: kib(9.4), budget: 9.5 }], over)[0]).toMatchObject({ fails: true });
    expect(run([], over)[0]).toMatchObject({ fails: true, text: expect.stringMatching(/not measured/) });
  });

  it('lists only entries whose budget could not be met, each with a ceiling above its budget', () => {
    for (const ceiling of Object.values(OVER_BUDGET as Record<string, number>)) expect(ceiling).toBeGreaterThan(2);
  });
});
