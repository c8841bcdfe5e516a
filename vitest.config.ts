import { configDefaults, defineConfig } from "vitest/config";
import { sharedResolve, TEST_ROOTS } from "./vitest.shared.js";

// `npm run test:unit`, and the default for `npx vitest run <file>`: the tests that need nothing outside
// the process — no Redis, no PostgreSQL, no model endpoint of their own. A test that needs one is named
// `*.int.test.ts` (vitest.int.config.ts); the fault suite lives in test/faults (vitest.faults.config.ts).
export default defineConfig({
  resolve: sharedResolve,
  test: {
    include: TEST_ROOTS.map((root) => `${root}/*.test.ts`),
    exclude: [...configDefaults.exclude, "**/*.int.test.ts", "test/faults/**"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
