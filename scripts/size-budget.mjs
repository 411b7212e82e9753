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

/** One verdict per entry: an entry over its budget fails. */
export function judge(entries) {
  return entries.map(({ label, bytes, budget }) => {
    const kib = bytes / 1024;
    const fails = kib > budget;
    return { label, bytes, kib, budget, fails, text: fails ? `OVER by ${(kib - budget).toFixed(2)} KiB: FAIL` : 'ok' };
  });
}
