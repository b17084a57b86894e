// Vitest: unit tests of the front end's own logic (src/**/*.test.ts, in a happy-dom document).
// `npm run test:unit`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'happy-dom',
  },
});
