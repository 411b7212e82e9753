/** The attempt's signal, still tied to the caller's after the attempt settles (so a body read can be aborted). */
export function link(attempt: AbortSignal, caller: AbortSignal | undefined): AbortSignal {
  return caller && typeof AbortSignal.any === 'function' ? AbortSignal.any([attempt, caller]) : attempt;
}
