/**
 * Keeps a figure responsive to a dragged point or a held key: at most one update in flight, and
 * only the newest request runs after it. Each update, from request to drawn, is recorded as a
 * performance measure `figure-update:<name>`, which the bench reads.
 */
export function liveUpdate<A>(
  name: string,
  update: (args: A) => Promise<void>,
  onError: (e: Error) => void,
): (args: A) => Promise<void> {
  let running: Promise<void> | undefined;
  let pending: { args: A; requested: number } | undefined;

  const drain = async (): Promise<void> => {
    while (pending) {
      const { args, requested } = pending;
      pending = undefined;
      try {
        await update(args);
        performance.measure(`figure-update:${name}`, { start: requested, end: performance.now() });
      } catch (e) {
        onError(e instanceof Error ? e : new Error(String(e)));
      }
    }
    running = undefined;
  };

  return (args: A) => {
    pending = { args, requested: performance.now() };
    running ??= drain();
    return running;
  };
}
