// The size budget (issue 12) and its verdicts, apart from the measuring so a test can check them.

/** KiB (1,024 bytes), minified + gzipped, browser build. Budgets, not aims: smaller is better. */
export const BUDGET_KIB = Object.freeze({
  /** `faultline/core`: classify + the retry engine. */
  core: 9.5,
  /** Each provider's decisions module. */
  decisions: 1,
  /** Each HTTP adapter, on top of core. */
  httpAdapter: 2,
  /** `faultline/ws`, on top of core. */
  socket: 4.2,
  /** A LeanCloud browser app: core + `faultline/fetch` + the LeanCloud provider. */
  leancloudApp: 12,
  /** Each provider's text module, per language. */
  text: 10,
});

/**
 * Entries measured over their budget, each held at a ceiling (KiB) it may not grow past: what
 * issues 13, 15 and 16 added to core and the adapters after issue 12's budget was measured costs
 * more than the budget leaves (README "Bundle size" gives each feature's measured cost). Open in
 * issue 12. An entry that fits its budget again must come off this list: the check fails until it does.
 */
export const OVER_BUDGET = Object.freeze({
  'faultline/core': 11.6,
  'faultline/axios (on top of core)': 3.0,
  'faultline/fetch (on top of core)': 2.5,
  'faultline/ky (on top of core)': 3.5,
  'LeanCloud browser app (core + fetch + leancloud)': 15.3,
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
    if (kib <= budget) return ceiling === undefined ? verdict(false, 'ok') : verdict(true, `within budget: take it off OVER_BUDGET (ceiling ${ceiling})`);
    const excess = `OVER by ${(kib - budget).toFixed(2)} KiB`;
    if (ceiling === undefined) return verdict(true, `${excess}: FAIL`);
    if (kib > ceiling) return verdict(true, `${excess} and past its ceiling ${ceiling}: FAIL`);
    return verdict(false, `${excess}, held at ceiling ${ceiling} (open)`);
  });
  // A listed entry that is no longer measured is a stale exception too.
  for (const label of known) verdicts.push({ label, bytes: 0, kib: 0, budget: 0, fails: true, text: 'listed in OVER_BUDGET but not measured: remove it' });
  return verdicts;
}
