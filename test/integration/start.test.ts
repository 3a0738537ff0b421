/**
 * `npm start`'s script (scripts/start.mjs) on the built tree: a bad setting is refused at
 * once with the setting named, before anything is built or started; good settings serve
 * /healthz within seconds, and SIGTERM stops the server cleanly.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { removeDataDir, tempDataDir } from "../helpers/server.js";
import { freePort } from "../helpers/net.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

function start(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ["scripts/start.mjs", ...args], { cwd: root, env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env } });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  void exited.then(() => clearTimeout(killer));
  return { child, exited, stderr: () => stderr };
}

test("a bad setting stops npm start at once, naming the setting", async () => {
  const run = start(["--port", "eighty"], {});
  assert.equal(await run.exited, 2);
  assert.match(run.stderr(), /Invalid setting PORT \(--port\)/);
  assert.doesNotMatch(run.stderr(), /build:/, "nothing was built first");
});

test("on a built tree, /healthz answers within seconds and SIGTERM exits 0", async () => {
  const dataDir = tempDataDir();
  const port = await freePort();
  const started = Date.now();
  const run = start([], { PORT: String(port), DATA_DIR: dataDir });
  try {
    let healthy = false;
    while (!healthy && Date.now() - started < 30_000) {
      healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!healthy) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(healthy, `no /healthz after 30 s: ${run.stderr()}`);
    // Measured at about 2 s on a busy 2-core machine; the bound leaves room for a test run beside it.
    assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
    assert.doesNotMatch(run.stderr(), /build: compiling/, "the built tree was not rebuilt");
    run.child.kill("SIGTERM");
    assert.equal(await run.exited, 0);
  } finally {
    run.child.kill("SIGKILL");
    removeDataDir(dataDir);
  }
});
