import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // A poll waits for what a person would see after a round trip to the server (a treaty formed, a mark
    // set): on a loaded 2-core CI machine that can take more than the default second. A lost click still
    // fails: waiting longer never makes a result appear that the server did not get.
    expect: { poll: { timeout: 10_000 } },
  },
});
