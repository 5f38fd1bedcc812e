import fs from 'node:fs';
import { guardOutput } from '../text/sanitize.js';
import { processTerminal } from '../ui/terminal.js';
import { colorEnabled } from '../text/theme.js';
import { clockFrom } from '../app/clock.js';
import type { Io } from './io.js';

/**
 * Whether a file descriptor may be a terminal: only a character device can be; a pipe, a file
 * or a socket never is. Asking Node's stream (`process.stdout.isTTY`) loads its terminal and
 * network modules (about 5 ms); a pipe or a file is told by one `fstat` and written to directly.
 */
function mayBeTerminal(fd: number): boolean {
  try {
    return fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return true; // not known: ask the stream
  }
}

/** The streams this process opened (see `outputDrained`). */
const opened: NodeJS.WriteStream[] = [];

/**
 * What a reader that stopped early means. Stdout's (`qualify report | head`): the run stops
 * quietly, as other command-line tools do, instead of dying with a stack trace. Stderr's: the
 * notices are lost, but the run goes on, so an attempt is still recorded and its report printed.
 */
function readerGone(fd: 1 | 2): void {
  if (fd === 1) process.exit(process.exitCode ?? 0);
}

/** `process.stdout` or `process.stderr`, opened (see readerGone). */
function stream(which: 'stdout' | 'stderr'): NodeJS.WriteStream {
  const s = process[which];
  if (!opened.includes(s)) {
    opened.push(s);
    s.on('error', (error: NodeJS.ErrnoException) => {
      // Destroyed by that: later writes fail alike.
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
      readerGone(which === 'stdout' ? 1 : 2);
    });
  }
  return s;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to a pipe or a file, before returning (as Node's own stream does for
 * them on Linux). A pipe another program left non-blocking may be full for a moment: the write
 * waits a millisecond and goes on. A reader gone: see readerGone.
 */
function writeAll(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length;) {
    try {
      done += fs.writeSync(fd, bytes, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else if (code === 'EPIPE') return readerGone(fd);
      else throw error;
    }
  }
}

/** Writing to `fd` (1 or 2): straight to a pipe or a file, through Node's stream to a terminal. */
function output(fd: 1 | 2): { write: (text: string) => void; color: boolean; tty: boolean; columns?: number } {
  if (!mayBeTerminal(fd)) {
    const color = colorEnabled({ isTTY: false });
    return { write: (text) => writeAll(fd, guardOutput(text, color)), color, tty: false };
  }
  const s = stream(fd === 1 ? 'stdout' : 'stderr');
  const color = colorEnabled(s);
  return {
    write: (text) => void s.write(guardOutput(text, color)),
    color,
    tty: Boolean(s.isTTY),
    columns: s.isTTY ? s.columns : undefined,
  };
}

/** The real process's streams and environment. */
export function processIo(): Io {
  const out = output(1);
  const err = output(2);
  return {
    out: out.write,
    err: err.write,
    env: process.env,
    color: out.color,
    colorErr: err.color,
    // Piped, the width of the terminal the user sits at, when the shell says it (COLUMNS).
    width: out.columns || Number(process.env.COLUMNS) || 80,
    errColumns: err.columns,
    cwd: process.cwd(),
    // Only a terminal on stdout can be one on both sides (stdin is asked only then).
    terminal: out.tty ? processTerminal(out.color) : undefined,
    clock: clockFrom(process.env),
  };
}

/** Resolves once what was written through a stream (to a terminal) is handed over. */
export async function outputDrained(): Promise<void> {
  for (const s of opened) if (s.writableLength > 0) await new Promise((resolve) => s.once('drain', resolve));
}
