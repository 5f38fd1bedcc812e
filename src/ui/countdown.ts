import { useEffect, useState } from '@inquirer/core';

/** Remaining time as a clock face: "12:05", "1:02:03", never negative. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** How often a waiting prompt redraws its countdown. */
export const COUNTDOWN_REDRAW_MS = 1000;

/**
 * The current time from the screen's clock, re-read and redrawn every second while `live` (a
 * prompt with a deadline on screen); prompts without a clock never wake up, and show no time.
 */
export function useNow(clock: (() => number) | undefined, live: boolean): number | undefined {
  const [, setTicks] = useState(0);
  useEffect(() => {
    if (!live) return undefined;
    let ticks = 0;
    const timer = setInterval(() => setTicks(++ticks), COUNTDOWN_REDRAW_MS);
    return () => clearInterval(timer);
  }, [live]);
  return clock?.();
}
