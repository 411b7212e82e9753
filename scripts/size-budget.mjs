// The size budget of issue 7 and its verdicts, apart from the measuring so a test can check them.

/** KiB, minified + gzipped. */
export const BUDGET_KIB = Object.freeze({ core: 5, httpAdapter: 2, socket: 4.2, catalog: 10 });

/**
 * Entries that do not fit their budget, each held at a ceiling (KiB) it must not grow past until
 * the budget is met or changed. Measured floors, and why the budget cannot be met without
 * dropping what issues 2 and 3 put in these entries, are in README.md ("Bundle size").
 * An entry that fits its budget again must be taken off this list: the check fails until it is.
 */
export const OVER_BUDGET = Object.freeze({
  'faultline/core': 14.2,
  'faultline/catalog/leancloud': 23.8,
});

/**
 * One verdict per entry. `fails` when an entry is over its budget and not on the list, over its
 * ceiling, or on the list while within budget (a stale exception hides future growth).
 */
export function judge(entries, overBudget = OVER_BUDGET) {
  const known = new Set(Object.keys(overBudget));
  const verdicts = entries.map(({ label, bytes, budget }) => {
    const kib = bytes / 1024;
    known.delete(label);
    const ceiling = overBudget[label];
    const verdict = (fails, text) => ({ label, bytes, kib, budget, fails, text });
    if (kib <= budget) {
      return ceiling === undefined ? verdict(false, 'ok') : verdict(true, `within budget: take it off OVER_BUDGET (ceiling ${ceiling})`);
    }
    const excess = `OVER by ${(kib - budget).toFixed(2)} KiB`;
    if (ceiling === undefined) return verdict(true, `${excess}: FAIL`);
    if (kib > ceiling) return verdict(true, `${excess} and past its ceiling ${ceiling}: FAIL`);
    return verdict(false, `${excess}, held at ceiling ${ceiling} (open)`);
  });
  // A listed entry that is no longer measured is a stale exception too.
  for (const label of known) {
    verdicts.push({ label, bytes: 0, kib: 0, budget: 0, fails: true, text: 'listed in OVER_BUDGET but not measured: remove it' });
  }
  return verdicts;
}
