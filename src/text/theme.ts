import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Colour on when writing to a terminal, off for pipes and files, and always off when NO_COLOR is
 * set (https://no-color.org), whatever FORCE_COLOR says.
 */
export function colorEnabled(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export function makeTheme(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** Dates as people read them, with the time zone, e.g. "Mon 23 Nov 2026, 14:05 UTC". */
export function formatWhen(ms: number | string, timeZone?: string): string {
  const date = new Date(ms);
  // Seconds appear only when there are any, so a time a retake opens is never shown too early.
  const seconds = date.getUTCSeconds() !== 0 || date.getUTCMilliseconds() !== 0;
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' as const } : {}),
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}
