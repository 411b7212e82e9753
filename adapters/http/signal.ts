/** Keeps a linked signal's controller alive exactly as long as the signal itself. */
const CONTROLLER = Symbol();
type Linked = AbortSignal & { [CONTROLLER]?: AbortController };

/** Per caller signal, the linked signals still alive: one listener on the caller serves them all. */
const dependants = new WeakMap<AbortSignal, Set<WeakRef<Linked>>>();
/** Forgets a linked signal once it is collected. Where it is missing, so is AbortSignal.any. */
const forget =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<[Set<WeakRef<Linked>>, WeakRef<Linked>]>(([set, ref]) => set.delete(ref))
    : undefined;

/** The one listener of each caller signal: a module-level function, so it captures nothing. */
function abortDependants(this: AbortSignal): void {
  for (const ref of dependants.get(this) ?? []) ref.deref()?.[CONTROLLER]?.abort(this.reason);
  dependants.delete(this);
}

/**
 * The attempt's signal, still tied to the caller's after the attempt settles (so a body read can
 * be aborted). Not `AbortSignal.any`: on Node 20 each signal it makes from a long-lived one (an
 * app-wide shutdown signal) stays registered on it until that one aborts, about 55 bytes a
 * request, for good. Here the caller gets one listener whatever the number of requests, and holds
 * the linked signals weakly; each is forgotten once collected (Node 22's own fix, done by hand).
 */
export function link(attempt: AbortSignal, caller: AbortSignal | undefined): AbortSignal {
  if (!caller || !forget || attempt.aborted) return attempt;
  if (caller.aborted) return caller;
  const controller = new AbortController();
  const linked: Linked = controller.signal;
  linked[CONTROLLER] = controller;
  let set = dependants.get(caller);
  if (!set) {
    dependants.set(caller, (set = new Set()));
    caller.addEventListener('abort', abortDependants, { once: true });
  }
  const ref = new WeakRef(linked);
  set.add(ref);
  forget.register(linked, [set, ref]);
  // The attempt's signal lives no longer than the attempt, so it may hold the controller.
  attempt.addEventListener('abort', () => controller.abort(attempt.reason), { once: true });
  return linked;
}
