import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import MuteStream from 'mute-stream';
import { vi } from 'vitest';
import type { Size, Terminal } from '../../src/ui/terminal.js';

/** Like a terminal's output, it stays open when a prompt that wrote to it ends its own stream. */
class ScreenStream extends Writable {
  constructor(
    onText: (text: string) => void,
    private readonly size: () => Size,
  ) {
    super({
      write: (chunk, _encoding, callback) => {
        onText(String(chunk));
        callback();
      },
    });
  }

  override end(): this {
    return this;
  }

  /** Inquirer reads the width from here, as from a TTY. */
  get columns(): number {
    return this.size().columns;
  }

  get rows(): number {
    return this.size().rows;
  }
}

/**
 * A terminal in memory for driving whole interactive flows (the exam runner, not one prompt):
 * keys go in as keypress events, as with @inquirer/testing, and `screen()` is the last frame drawn.
 */
export class FakeTerminal implements Terminal {
  readonly input = new MuteStream();
  readonly output: Writable;
  readonly color = false;
  private frames: string[] = [];
  private current: Size;
  private listeners = new Set<() => void>();

  constructor(size: Size = { columns: 100, rows: 34 }) {
    this.current = size;
    this.input.unmute();
    this.output = new ScreenStream(
      (text) => {
        if (stripVTControlCharacters(text).trim()) this.frames.push(text);
      },
      () => this.current,
    );
  }

  size(): Size {
    return this.current;
  }

  onResize(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The window changes size, as when the user drags its corner. */
  resize(size: Size): void {
    this.current = size;
    for (const listener of [...this.listeners]) listener();
  }

  /** The last frame drawn, without escape codes. */
  screen(): string {
    return stripVTControlCharacters(this.frames.at(-1) ?? '');
  }

  /** The last frame drawn, escape codes and all. */
  rawScreen(): string {
    return this.frames.at(-1) ?? '';
  }

  key(name: string): void {
    this.input.emit('keypress', null, { name });
  }

  type(text: string): void {
    this.input.write(text);
  }

  /** Waits until the screen shows `wanted`, and returns it. */
  async waitFor(wanted: string | RegExp): Promise<string> {
    return vi.waitFor(
      () => {
        const screen = this.screen();
        const found = typeof wanted === 'string' ? screen.includes(wanted) : wanted.test(screen);
        if (!found) throw new Error(`the screen never showed ${String(wanted)}; it shows:\n${screen}`);
        return screen;
      },
      { timeout: 5000, interval: 5 },
    );
  }
}
