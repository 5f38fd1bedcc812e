import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The files that take longest start first: the reliability suite (minutes on its own) and the
 * terminal tests, which mostly wait. Started last, one of them would run alone at the end.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (file: TestSpecification) => /[\\/]test[\\/](reliability|e2e)[\\/]/.test(file.moduleId);
    return [...sorted.filter(long), ...sorted.filter((file) => !long(file))];
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI is built from src/ first when dist/ is out of date (the launcher, tmux tests).
    globalSetup: ['test/global-setup.ts'],
    // No test reaches the real user's data folder (see test/setup.ts).
    setupFiles: ['test/setup.ts'],
    // Three files at a time, though the machine may have two cores: a terminal test spends most
    // of its time waiting (for a screen, for an exam's time limit), so its waits overlap with
    // the other files' work. Vitest's default on two cores is one file at a time.
    maxWorkers: 3,
    // Each file in a child process of its own, so process-wide state (the exit code the in-process
    // CLI runs set, the language model once loaded) never crosses between files.
    pool: 'forks',
    sequence: { sequencer: LongestFirst },
    // The end-to-end tests start real processes and terminals; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
