import { createRequire } from 'node:module';
import type StringWidth from 'string-width';
import type WrapAnsi from 'wrap-ansi';

/*
 * string-width and wrap-ansi measure and wrap text that is not plain one-column text; most
 * output never needs them (see width.ts and wrap.ts), and loading them with the program cost
 * every command about 40 ms. They are ES modules, so they are loaded on first use with require(),
 * which loads an ES module from Node 20.19 on (`process.features.require_module`). On Node 20.17
 * and 20.18 (or with --no-experimental-require-module), `preloadTextPackages` imports them
 * before a command runs, as a static import would.
 */

interface Packages {
  stringWidth: typeof StringWidth;
  wrapAnsi: typeof WrapAnsi;
}

let loaded: Partial<Packages> = {};

const requireHere = createRequire(import.meta.url);
const requireDefault = <T>(name: string): T => (requireHere(name) as { default: T }).default;

/** string-width, loaded when first asked for. */
export const stringWidth = (text: string): number =>
  (loaded.stringWidth ??= requireDefault<typeof StringWidth>('string-width'))(text);

/** wrap-ansi, loaded when first asked for. */
export const wrapAnsi: typeof WrapAnsi = (text, columns, options) =>
  (loaded.wrapAnsi ??= requireDefault<typeof WrapAnsi>('wrap-ansi'))(text, columns, options);

/** Imports both packages now where require() cannot load them later (a no-op where it can). */
export async function preloadTextPackages(): Promise<void> {
  // require() loads an ES module from Node 20.19 on, unless turned off.
  if (process.features.require_module === true) return;
  const [width, wrap] = await Promise.all([import('string-width'), import('wrap-ansi')]);
  loaded = { stringWidth: width.default, wrapAnsi: wrap.default };
}
