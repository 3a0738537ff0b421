/**
 * Kindred as an operator runs it: the real entry point in a child process,
 * health within seconds, a clean SIGTERM, and the admin command line.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { call, signUp } from "../helpers/http.js";
import { removeDataDir, tempDataDir } from "../helpers/server.js";
import { freePort } from "../helpers/net.js";

const root = new URL("../../", import.meta.url).pathname;
const tsx = ["--import", "tsx"];

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return Date.now() - start;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no /healthz in time");
}

function cli(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [...tsx, "src/cli/kindred.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "" },
    encoding: "utf8",
  });
}

describe("the server process", () => {
  let dataDir: string;
  let child: ChildProcess;
  let url: string;
  let output = "";

  before(async () => {
    dataDir = tempDataDir();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [...tsx, "src/main.ts", "--port", String(port)], {
      cwd: root,
      // The default argon2 cost, so a sign-up takes long enough to be caught in flight by SIGTERM.
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
  });
  after(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
    removeDataDir(dataDir);
  });

  test("serves /healthz and /readyz soon after start, on a migrated SQLite file", async () => {
    const ms = await waitForHealth(url, child, 60_000);
    assert.ok(ms < 60_000);
    assert.equal((await call(url, "GET", "/readyz")).status, 200);
    assert.ok(existsSync(join(dataDir, "kindred.db")));
  });

  test("logs its effective configuration at start", async () => {
    // The logger writes asynchronously: the line may reach the pipe a moment after /healthz answers.
    for (let waited = 0; waited < 5_000 && !output.includes('"effective configuration"'); waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.match(output, /"effective configuration"/);
    assert.match(output, /"dataDir":/);
    assert.match(output, /"store":"sqlite via (node:sqlite|better-sqlite3)"/);
  });

  test("the operator grants and revokes roles from the command line", async () => {
    const { handle, token } = await signUp(url);
    const granted = cli(dataDir, "admin", "grant", handle, "supporter");
    assert.equal(granted.status, 0, granted.stderr);
    assert.match(granted.stdout, /Granted supporter/);
    const me = await call(url, "GET", "/api/v1/me", { token });
    assert.deepEqual(me.body.user.roles, ["member", "supporter"]);
    assert.equal((await call(url, "PATCH", "/api/v1/me", { token, json: { onDuty: true } })).body.user.onDuty, true);

    assert.equal(cli(dataDir, "admin", "grant", handle.toUpperCase(), "moderator").status, 0);
    assert.deepEqual((await call(url, "GET", "/api/v1/me", { token })).body.user.roles, ["member", "supporter", "moderator"]);

    const revoked = cli(dataDir, "admin", "revoke", handle, "supporter");
    assert.equal(revoked.status, 0, revoked.stderr);
    const after = (await call(url, "GET", "/api/v1/me", { token })).body.user;
    assert.deepEqual(after.roles, ["member", "moderator"]);
    assert.equal(after.onDuty, false, "losing the badge ends the shift");
  });

  test("the command line refuses unknown handles, roles and commands clearly", () => {
    const unknownHandle = cli(dataDir, "admin", "grant", "nobody-here", "supporter");
    assert.equal(unknownHandle.status, 2);
    assert.match(unknownHandle.stderr, /No member has the handle "nobody-here"/);
    const unknownRole = cli(dataDir, "admin", "grant", "someone", "overlord");
    assert.equal(unknownRole.status, 2);
    assert.match(unknownRole.stderr, /Unknown role "overlord"/);
    const nonsense = cli(dataDir, "launch", "rockets");
    assert.equal(nonsense.status, 2);
    assert.match(nonsense.stderr, /Usage:/);
  });

  test("SIGTERM finishes in-flight requests, closes the database and exits 0", async () => {
    let answeredAt = 0;
    const inFlight = signUp(url).then((r) => ((answeredAt = performance.now()), r)); // hashing takes a while
    await new Promise((r) => setTimeout(r, 20));
    const signalledAt = performance.now();
    child.kill("SIGTERM");
    const finished = await inFlight;
    assert.equal(finished.answer.status, 201);
    assert.ok(answeredAt > signalledAt, "the request was still in flight when SIGTERM arrived");
    const code = await new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once("exit", (c) => resolve(c));
    });
    assert.equal(code, 0, output.slice(-2000));
    // A clean close checkpoints the write-ahead log into the database file.
    assert.ok(!existsSync(join(dataDir, "kindred.db-wal")), "WAL merged on close");
    assert.match(output, /shutting down/);
  });
});

test("a bad setting stops the server with a message naming it", () => {
  const result = spawnSync(process.execPath, [...tsx, "src/main.ts"], {
    cwd: root,
    env: { ...process.env, PORT: "not-a-port" },
    encoding: "utf8",
  });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /Invalid setting PORT \(--port\)/);
});
