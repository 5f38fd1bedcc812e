import { buildIfStale } from './built.js';

/**
 * Before any test file: build the CLI when `dist/` is older than `src/`, once, so the tests that
 * drive the real launcher (tmux, piped standard input, exit codes) never run a stale build, even
 * when vitest runs alone without `npm run build`.
 */
export default function setup(): void {
  const reason = buildIfStale();
  if (reason) console.log(`Built the CLI first: ${reason}.`);
}
