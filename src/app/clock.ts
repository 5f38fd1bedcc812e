import { UsageError } from '../errors.js';
import { appMessages } from './messages.js';

/**
 * The clock, built once at the edge and passed down. `QUALIFY_NOW` (an ISO date or milliseconds)
 * pins it, for tests and demonstrations: the first reading is exactly the pinned instant, and the
 * clock runs in real time from there, so a pinned exam still counts down. A bad value stops the
 * first command that reads the time. The retake policy still refuses a clock earlier than the
 * last recorded attempt.
 */
export function clockFrom(env: NodeJS.ProcessEnv, system: () => number = Date.now): () => number {
  const pinned = env.QUALIFY_NOW;
  if (!pinned) return system;
  const ms = /^\d+$/.test(pinned) ? Number(pinned) : Date.parse(pinned);
  let anchor: number | undefined;
  return () => {
    if (Number.isNaN(ms)) throw new UsageError(appMessages.badClock(pinned));
    const real = system();
    anchor ??= real;
    return ms + (real - anchor);
  };
}
