#!/usr/bin/env node
// `npm test`: every unit test (src/**/*.test.ts, web/src/**/*.test.ts when the web client exists)
// and integration test (test/**/*.test.ts), run by Node's own test runner with TypeScript loaded
// through tsx. Whatever is stale is built first (scripts/build.mjs): the bench smoke test runs
// the built server and the browser tests load the built web client.
//
//   npm test                                  everything
//   npm test -- src/domain test/integration/rooms    only files whose path contains one of these
//   npm test -- rooms --test-name-pattern=invite     ...and only tests whose name matches
//
// Arguments starting with "--" go to `node --test` as they are; the others select files.
// Suites that need something this machine may lack say so and are skipped by their own files.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "./build.mjs";

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const args = process.argv.slice(2);
const runnerOptions = args.filter((a) => a.startsWith("--"));
const only = args.filter((a) => !a.startsWith("--"));
const files = [...findTests("src"), ...findTests("web/src"), ...findTests("test")].sort();
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (selected.length === 0) {
  console.error(`test: no test file path contains ${only.map((o) => `"${o}"`).join(" or ")}`);
  process.exit(1);
}

try {
  build();
} catch (err) {
  console.error(`test: ${err.message}`);
  process.exit(1);
}

const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", "--test-timeout=300000", ...runnerOptions, ...selected], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "test" },
});
process.exit(result.status ?? 1);
