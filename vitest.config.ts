import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests import workspace packages from their TypeScript sources, so a test run
// never depends on a stale build; end-to-end tests that spawn the CLI use the
// build that `npm test` makes first (the `pretest` script).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@kyocho\/core$/, replacement: src("./packages/core/src/index.ts") },
      { find: /^@kyocho\/core\/([a-z-]+)$/, replacement: src("./packages/core/src/$1/index.ts") },
      { find: /^@kyocho\/queue\/testing$/, replacement: src("./packages/queue/src/testing/index.ts") },
      {
        find: /^@kyocho\/(knowledge|models|expert-kit|eval|council|store|report|batch|queue|testing|cli)$/,
        replacement: src("./packages/$1/src/index.ts"),
      },
      { find: /^@kyocho\/reference-council$/, replacement: src("./councils/reference/src/index.ts") },
      { find: /^@kyocho\/expert-(lending|legal|fx|markets)$/, replacement: src("./experts/$1/src/index.ts") },
    ],
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "experts/*/src/**/*.test.ts", "councils/*/src/**/*.test.ts", "test/**/*.test.ts"],
    // The fault suite (workers killed, Redis restarted, models failing, load) runs apart: `npm run test:faults`.
    exclude: [...configDefaults.exclude, "test/faults/**"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
