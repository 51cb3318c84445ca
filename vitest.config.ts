import { defineConfig } from 'vitest/config';

// Minimal start: unit tests beside the code in packages/. The root test setup adds its other
// projects (integration, per-database) here.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['packages/*/src/**/*.test.ts'] } },
    ],
  },
});
