import { createRequire } from 'node:module';
import type { Chalk as ChalkClass } from 'chalk';
import type Sparkly from 'sparkly';
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

/*
 * chalk and sparkly colour and chart text for a reader; JSON output and answers-file exams need
 * neither, and loading them took about 7 ms of every command. Written as
 * `createRequire(import.meta.url)('name')`, the bundle holds them and still loads them only when
 * called (scripts/bundle.mjs).
 */

interface Packages {
  stringWidth: typeof StringWidth;
  wrapAnsi: typeof WrapAnsi;
  chalk: typeof ChalkClass;
  sparkly: typeof Sparkly;
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

/** chalk's `Chalk` class, loaded when first asked for. */
export const chalkClass = (): typeof ChalkClass =>
  (loaded.chalk ??= (createRequire(import.meta.url)('chalk') as typeof import('chalk')).Chalk);

/** sparkly, loaded when first asked for. */
export const sparkly: typeof Sparkly = (numbers, options) =>
  (loaded.sparkly ??= (createRequire(import.meta.url)('sparkly') as typeof import('sparkly')).default)(
    numbers,
    options,
  );

/** Imports the packages now where require() cannot load them later (a no-op where it can). */
export async function preloadTextPackages(): Promise<void> {
  // require() loads an ES module from Node 20.19 on, unless turned off.
  if (process.features.require_module === true) return;
  const [width, wrap, chalk, spark] = await Promise.all([
    import('string-width'),
    import('wrap-ansi'),
    import('chalk'),
    import('sparkly'),
  ]);
  loaded = { stringWidth: width.default, wrapAnsi: wrap.default, chalk: chalk.Chalk, sparkly: spark.default };
}
