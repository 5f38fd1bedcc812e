/**
 * What the launcher (bin/qualify.js) runs: the program, its one error handler and the real
 * terminal. scripts/bundle.mjs bundles the program from here, so one module starts it.
 */
export { run } from './main.js';
export { reportError } from './handle-error.js';
export { outputDrained, processIo } from './process-io.js';
