#!/usr/bin/env node
// `npm test`: every unit test (src/**/*.test.ts, web/src/**/*.test.ts) and integration test (test/**/*.test.ts),
// run by Node's own test runner with TypeScript loaded through tsx.
// Suites that need something this machine may lack say so and are skipped by their own files.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const files = [...findTests("src"), ...findTests("web/src"), ...findTests("test")].sort();
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", "--test-timeout=300000", ...selected],
  { stdio: "inherit", env: { ...process.env, NODE_ENV: "test" } },
);
process.exit(result.status ?? 1);
