import path from 'node:path';
import envPaths from 'env-paths';

/*
 * Kept apart from open.ts, which loads content and opens databases: the program reads the home
 * folder while it is being built (for `--help` too), and must not load the loader to do so.
 */

/** Where a run finds its content and its attempts database: the global options, with its folder and home. */
export interface Workspace {
  content: string[];
  db?: string;
  /** The folder relative paths on the command line start from (the Io's, not the process's). */
  cwd: string;
  /** Where qualify keeps its own files, from the Io's environment (see homeDir). */
  home: string;
}

/** Where qualify keeps its own files: `$QUALIFY_HOME`, or the platform's data folder. */
export function homeDir(env: NodeJS.ProcessEnv): string {
  return env.QUALIFY_HOME ? path.resolve(env.QUALIFY_HOME) : envPaths('qualify', { suffix: '' }).data;
}
