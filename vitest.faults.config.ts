import { defineConfig } from "vitest/config";
import { sharedResolve } from "./vitest.shared.js";

// `npm run test:faults` (the last tier of `npm test`): the tests that break things on purpose — worker processes killed, Redis restarted,
// model endpoints failing at random, a batch under load. Each prints its figure (items, lost, duplicated,
// wrong approvals). One file at a time: they start their own Redis servers and worker processes, and the
// load test's latencies mean something only when nothing else competes for the CI's two cores.
export default defineConfig({
  resolve: sharedResolve,
  test: {
    include: ["test/faults/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
