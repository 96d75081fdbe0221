import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Builds kiosk-ui/dist once for the browser tests (skipped when no chromium is installed).
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
