/**
 * The benchmark harness runs end to end on a tiny load (`--quick`: about 15 s on
 * an idle 2-core machine, under 35 s on a busy one) and writes every figure the full run reports. No speed is asserted here:
 * performance is measured by `npm run bench`, not by tests.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

test("npm run bench -- --quick completes and writes the named figures", () => {
  const dir = mkdtempSync(join(tmpdir(), "kindred-bench-smoke-"));
  try {
    const out = join(dir, "results.json");
    const run = spawnSync("npm", ["run", "bench", "--silent", "--", "--quick", "--out", out], {
      cwd: new URL("../../", import.meta.url).pathname,
      encoding: "utf8",
      // Far above a quick run's time, so only a hang (not a busy machine) fails here.
      timeout: 120_000,
      env: { ...process.env, DATABASE_URL: "", REDIS_URL: "" },
    });
    assert.equal(run.status, 0, run.stderr + run.stdout.slice(-2000));
    assert.match(run.stdout, /fan-out rooms of 10/);
    const results = JSON.parse(readFileSync(out, "utf8"));
    for (const key of ["fanoutVsRawWs", "fanoutVsSocketIo", "idleRssKbPerSocket", "resumeStormSeconds", "match1000Seconds"]) {
      assert.equal(typeof results[key], "number", key);
    }
    assert.equal(results.resumeStorm.missing, 0);
    assert.equal(results.resumeStorm.duplicated, 0);
    assert.equal(results.matching.matched, results.matching.pairs);
    assert.ok(results.fanout.rooms.kindred.median > 0, "Kindred delivered under the latency bound");
    assert.equal(results.machine.node, process.version);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
