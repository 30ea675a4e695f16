import { defineConfig } from 'vitest/config';

// Unit tests only; browser behaviour is covered by e2e/ against the real server.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
  },
});
