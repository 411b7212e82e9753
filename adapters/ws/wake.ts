interface Target {
  addEventListener?(type: string, listener: () => void): void;
  removeEventListener?(type: string, listener: () => void): void;
}

/**
 * Calls `wake` when the browser comes back online or the page becomes visible again (timers were
 * throttled, the connection may be long dead). A no-op where there is no window/document (Node).
 * Returns the function that removes the listeners.
 */
export function watchWake(wake: () => void): () => void {
  const g = globalThis as Target & { document?: Target & { visibilityState?: string } };
  const doc = g.document;
  const onVisible = (): void => {
    if (doc?.visibilityState === 'visible') wake();
  };
  g.addEventListener?.('online', wake);
  doc?.addEventListener?.('visibilitychange', onVisible);
  return () => {
    g.removeEventListener?.('online', wake);
    doc?.removeEventListener?.('visibilitychange', onVisible);
  };
}
