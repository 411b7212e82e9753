/** Housekeeping timers never keep the process alive (Node's timers have unref; elsewhere there is nothing to do). */
export function unref(timer: unknown): void {
  (timer as { unref?: () => void } | undefined)?.unref?.();
}
