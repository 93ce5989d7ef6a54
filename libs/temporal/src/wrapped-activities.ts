/** An activity as a worker calls it. */
export type ActivityCall = (...args: unknown[]) => Promise<unknown>;

/**
 * The same activities, each function replaced by what `wrap` makes of it (called with the activity's name and a
 * call that runs the original with its own `this`); anything that is not a function is kept as it is.
 */
export function wrappedActivities<T extends object>(
  activities: T,
  wrap: (name: string, call: ActivityCall) => ActivityCall,
): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, activity] of Object.entries(activities)) {
    wrapped[name] =
      typeof activity === 'function'
        ? wrap(name, (...args) => (activity as ActivityCall).apply(activities, args))
        : activity;
  }
  return wrapped as T;
}
