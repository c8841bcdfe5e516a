import { fileURLToPath } from "node:url";
import type { UserConfig } from "vitest/config";

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * What the three test tiers (vitest.config.ts: unit, vitest.int.config.ts,
 * vitest.faults.config.ts) share. Tests import workspace packages from their
 * TypeScript sources, so a test run never depends on a stale build; end-to-end
 * tests that spawn the CLI use the build that `npm test` makes first (the
 * `pretest` script).
 */
export const sharedResolve: UserConfig["resolve"] = {
  alias: [
    { find: /^@kyocho\/core$/, replacement: src("./packages/core/src/index.ts") },
    { find: /^@kyocho\/core\/([a-z-]+)$/, replacement: src("./packages/core/src/$1/index.ts") },
    { find: /^@kyocho\/queue\/testing$/, replacement: src("./packages/queue/src/testing/index.ts") },
    {
      find: /^@kyocho\/(knowledge|models|expert-kit|eval|council|store|report|batch|queue|testing|server|cli)$/,
      replacement: src("./packages/$1/src/index.ts"),
    },
    { find: /^@kyocho\/reference-council$/, replacement: src("./councils/reference/src/index.ts") },
    { find: /^@kyocho\/expert-(lending|legal|fx|markets)$/, replacement: src("./experts/$1/src/index.ts") },
  ],
};

/** Where the unit and integration tiers look for tests; the file name says the tier. */
export const TEST_ROOTS = ["packages/*/src/**", "experts/*/src/**", "councils/*/src/**", "test/**"] as const;
