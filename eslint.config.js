import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/**
 * The layers of src/, lowest first (docs/architecture.md). A folder may import
 * from the layers below it, never from those beside or above it:
 *
 *   protocol ← store ← domain ← bus ← http, gateway ← app (app.ts, main.ts, cli/)
 *
 * `config.ts` and `observability/` may be read by any layer above store.
 * Each entry names the folders a layer must not import.
 */
const layers = {
  protocol: ["store", "domain", "bus", "http", "gateway", "observability", "cli", "config", "app", "main"],
  store: ["domain", "bus", "http", "gateway", "observability", "cli", "app", "main"],
  domain: ["bus", "http", "gateway", "observability", "cli", "app", "main"],
  bus: ["http", "gateway", "cli", "app", "main"],
  http: ["gateway", "store", "bus", "cli", "app", "main"],
  gateway: ["http", "store", "cli", "app", "main"],
  observability: ["store", "domain", "bus", "http", "gateway", "cli", "app", "main"],
};

const layerRules = Object.entries(layers).map(([layer, forbidden]) => ({
  files: [`src/${layer}/**/*.ts`],
  ignores: ["src/**/*.test.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: forbidden.map((name) => ({
          group: [`**/${name}/**`, `**/${name}.js`, `../${name}`, `../../${name}`],
          message: `src/${layer} may not import src/${name} (layers: protocol ← store ← domain ← bus ← http, gateway ← app).`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ["dist/", "data/", "node_modules/", "coverage/", ".scratch/", "web/dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // A promise nobody awaits is an error nobody sees.
      "@typescript-eslint/no-floating-promises": [
        "error",
        { allowForKnownSafeCalls: [{ from: "package", package: "node:test", name: ["test", "describe", "it", "suite", "before", "after"] }] },
      ],
      // A new frame op or event type must be handled wherever ops and types are switched on.
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  ...layerRules,
  {
    // The web client runs in browsers; hooks follow React's rules.
    files: ["web/src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { window: "readonly", document: "readonly", navigator: "readonly", location: "readonly" } },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    // The web client's unit tests belong to their own TypeScript project (web/tsconfig.test.json).
    files: ["web/src/**/*.test.ts", "web/src/**/*.test.tsx"],
    languageOptions: { parserOptions: { projectService: false, project: ["web/tsconfig.test.json"] } },
  },
  {
    // Tests, scripts and the load generator read loosely typed JSON answers and frames.
    files: ["test/**/*.ts", "src/**/*.test.ts", "web/src/**/*.test.ts", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
