import { configDefaults, defineConfig } from "vitest/config";
import { sharedResolve, TEST_ROOTS } from "./vitest.shared.js";

// `npm run test:int`: the integration tests, `*.int.test.ts` — they reach the Redis on 127.0.0.1:6379
// (or REDIS_URL), PostgreSQL, a local model endpoint, or spawn the CLI against Redis.
export default defineConfig({
  resolve: sharedResolve,
  test: {
    include: TEST_ROOTS.map((root) => `${root}/*.int.test.ts`),
    exclude: [...configDefaults.exclude, "test/faults/**"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
