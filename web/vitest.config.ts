// Vitest: unit tests of the front end's own logic (src/**/*.test.ts, in a happy-dom document) and
// of the response checker (scripts/*.test.mjs, in Node). `npm run test:unit`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.mjs'],
    environment: 'happy-dom',
  },
});
