// ESLint flat config: typescript-eslint's type-aware recommended rules over every
// package's sources, the tests, the benchmarks and the examples; Prettier owns layout.
import js from "@eslint/js";
import eslintConfigPrettier from "eslint-config-prettier/flat";
import globals from "globals";
import tseslint from "typescript-eslint";

// Files that tsconfig.test.json type-checks and no package tsconfig owns (the package
// tsconfigs exclude their *.test.ts so tests never land in dist).
const testProjectFiles = [
  "**/*.test.ts",
  "packages/*/test-support/**/*.ts",
  "experts/*/test-support/**/*.ts",
  "test/**/*.ts",
  "bench/**/*.ts",
  "examples/**/*.ts",
  "vitest.config.ts",
  "vitest.faults.config.ts",
  "vitest.int.config.ts",
  "vitest.shared.ts",
];

const unsafeAnyRules = {
  "@typescript-eslint/no-unsafe-argument": "off",
  "@typescript-eslint/no-unsafe-assignment": "off",
  "@typescript-eslint/no-unsafe-call": "off",
  "@typescript-eslint/no-unsafe-member-access": "off",
  "@typescript-eslint/no-unsafe-return": "off",
};

export default tseslint.config(
  {
    // scripts/install-check/*.ts are compiled against the installed tarballs in a project outside the repository
    // (npm run check:install), where their types exist; here they would resolve to the workspace sources.
    ignores: ["**/dist/**", "**/node_modules/**", "**/coverage/**", ".kyocho/**", "out/**", "tmp/**", "scripts/install-check/**/*.ts"],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `Expert<any>` is how a list of experts with different policy types is typed (`unknown` is not assignable:
      // `run` takes the policy); the no-unsafe-* rules still catch every `any` that is actually used.
      "@typescript-eslint/no-explicit-any": "off",
      // A leading underscore marks a name left unused on purpose (`const { secret: _dropped, ...rest } = x`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Async functions without await implement Promise-returning contracts (planners, fakes, workers): `async`
      // turns a throw into a rejection, which is what callers handle.
      "@typescript-eslint/require-await": "off",
      // Matching control characters on purpose is what input validation and keyword matching do here.
      "no-control-regex": "off",
    },
  },
  {
    // The project service only finds a file's nearest tsconfig.json; these files belong to tsconfig.test.json.
    files: testProjectFiles,
    languageOptions: {
      parserOptions: { projectService: false, project: "./tsconfig.test.json", tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Tests, benchmarks, examples and the fake model server read JSON (CLI output, HTTP bodies) as `any`;
    // an unexpected shape fails the assertion that reads it.
    files: [...testProjectFiles, "packages/testing/src/**/*.ts"],
    rules: unsafeAnyRules,
  },
  {
    // Library boundaries typed `any`: bull-board's getRouter(),
    // and the v1 case migration, which walks an untyped YAML document.
    files: ["packages/cli/src/dashboard/dashboard-server.ts", "packages/core/src/case/migrate-case.ts"],
    rules: unsafeAnyRules,
  },
  {
    // Escape helpers stringify whatever printable value they are given; objects are never passed.
    files: ["packages/report/src/html-escape.ts", "packages/report/src/markdown-escape.ts", "packages/testing/src/test-model-server.ts"],
    rules: { "@typescript-eslint/no-base-to-string": "off" },
  },
  {
    // Plain-JS build scripts and bins: no tsconfig types them, so type-aware rules would only see `any`.
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  eslintConfigPrettier,
);
