import { defineConfig } from 'vitest/config';

// Browser tests: real headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core
// against the built app, served on 127.0.0.1 by test/browser/server.ts. One file at a time: 2 cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ['test/browser/global-setup.ts'],
  },
});
