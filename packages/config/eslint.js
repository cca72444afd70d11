import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** One lint setup for the whole workspace (the root eslint.config.js uses it). */
export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "**/.next/**", "**/.next-*/**", "**/dist/**", "**/generated/**", "**/e2e/test-results/**", ".data/**", "**/next-env.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", fetch: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", window: "readonly", navigator: "readonly", crypto: "readonly", Response: "readonly", Request: "readonly", Headers: "readonly", NodeJS: "readonly", URLSearchParams: "readonly", FormData: "readonly", HTMLFormElement: "readonly", HTMLInputElement: "readonly", HTMLSelectElement: "readonly", HTMLButtonElement: "readonly", HTMLDivElement: "readonly", TextEncoder: "readonly", TextDecoder: "readonly", AbortController: "readonly", setInterval: "readonly", clearInterval: "readonly", AbortSignal: "readonly" } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read env through the package's validated env.ts instead." },
      ],
    },
  },
  {
    // The places allowed to read the raw environment: env modules, config files, the start and
    // test scripts that run before any package is installed, and test setup.
    files: ["**/env.ts", "**/*-env.ts", "**/*.config.ts", "**/*.config.mjs", "scripts/*.mjs", "scripts/start/**", "**/testing/**", "**/*.test.ts", "scripts/setup-database.ts", "scripts/e2e.ts", "apps/web/e2e/**", "bench/**"],
    rules: { "no-restricted-properties": "off" },
  },
);
