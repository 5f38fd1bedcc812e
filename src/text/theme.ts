import type { ChalkInstance } from 'chalk';
import { chalkClass } from './deferred-packages.js';

/**
 * Colour on when writing to a terminal, off for pipes and files, following the usual conventions:
 * NO_COLOR (https://no-color.org) always turns it off; FORCE_COLOR=0 (or "false") turns it off and
 * any other FORCE_COLOR turns it on; a terminal that says TERM=dumb cannot show colour.
 */
export function colorEnabled(
  stream: Pick<NodeJS.WriteStream, 'isTTY'> = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '')
    return env.FORCE_COLOR !== '0' && env.FORCE_COLOR.toLowerCase() !== 'false';
  if (env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

export function makeTheme(color: boolean): ChalkInstance {
  const Chalk = chalkClass();
  return new Chalk({ level: color ? 1 : 0 });
}

/**
 * How long until a moment, short enough for a table cell: "45 min", "23 h", "3 days". Rounded up,
 * so a wait is never shown shorter than it is; the exact time belongs elsewhere (`history`).
 */
export function formatWait(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.ceil(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.ceil(hours / 24)} days`;
}

/** A date and local time in few columns, "16 Jan 10:00", with the year only when it is not `now`'s. */
export function formatShortWhen(ms: number, now: number, timeZone?: string): string {
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(new Date(ms));
  const sameYear =
    format({ year: 'numeric' }) ===
    new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone }).format(new Date(now));
  const day = format({ day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
  return `${day} ${format({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;
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
