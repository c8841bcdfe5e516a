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
    { find: /^@kyocho\/cli$/, replacement: src("./packages/cli/src/index.ts") },
    { find: /^@kyocho\/queue$/, replacement: src("./packages/queue/src/index.ts") },
    { find: /^@kyocho\/testing$/, replacement: src("./packages/testing/src/index.ts") },
    { find: /^@kyocho\/graphs$/, replacement: src("./graphs/src/index.ts") },
    { find: /^@kyocho\/expert-(lending|legal|fx|markets)$/, replacement: src("./experts/$1/src/index.ts") },
  ],
};

/** Where the unit and integration tiers look for tests; the file name says the tier. */
export const TEST_ROOTS = ["packages/*/src/**", "experts/*/src/**", "graphs/src/**", "test/**"] as const;
