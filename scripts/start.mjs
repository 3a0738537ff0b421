#!/usr/bin/env node
// `npm start`: checks the settings first (a bad one is reported in a moment, not after a
// compile), builds only what is stale (scripts/build.mjs), then runs the built server,
// dist/main.js, in this same process so signals reach it directly.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, serverIsStale } from "./build.mjs";

const builtConfig = new URL("../dist/config.js", import.meta.url);

/** The config module: the compiled one when it is current, else the source through tsx. */
async function configModule() {
  if (!serverIsStale() && existsSync(fileURLToPath(builtConfig))) return import(builtConfig.href);
  const { tsImport } = await import("tsx/esm/api");
  return tsImport("../src/config.ts", import.meta.url);
}

const { loadConfig, ConfigError } = await configModule();
try {
  loadConfig(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`kindred: ${err.message}`);
  process.exit(2);
}

try {
  build();
} catch (err) {
  console.error(`kindred: ${err.message}`);
  process.exit(1);
}

await import(new URL("../dist/main.js", import.meta.url).href);
