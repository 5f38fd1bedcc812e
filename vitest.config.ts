import { defineConfig } from 'vitest/config';

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
    // The end-to-end tests start real processes and terminals; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
