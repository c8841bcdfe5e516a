import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// `npm run test:faults`: the tests that break things on purpose — worker processes killed, Redis restarted,
// model endpoints failing at random, a batch under load. Each prints its figure (items, lost, duplicated,
// wrong approvals). One file at a time: they start their own Redis servers and worker processes, and the
// load test's latencies mean something only when nothing else competes for the CI's two cores.
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["test/faults/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
