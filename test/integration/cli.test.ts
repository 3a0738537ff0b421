/**
 * The operator's command line against a real SQLite file: both spellings of a flag,
 * the database it names, and refusing to create one where none exists.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { removeDataDir, startServer, tempDataDir } from "../helpers/server.js";
import { signUp } from "../helpers/http.js";
import { freshDatabase, scaleOutUrls } from "../helpers/postgres.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

function kindred(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/kindred.ts", ...args], {
      cwd: root,
      // No DATA_DIR or DATABASE_URL from the environment running the tests: each case says what it means.
      env: { PATH: process.env.PATH ?? "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}

let dataDir: string;
let handle: string;
before(async () => {
  dataDir = tempDataDir();
  const server = await startServer({ dataDir });
  handle = (await signUp(server.url)).handle;
  await server.close();
});
after(() => removeDataDir(dataDir));

test("--data-dir DIR and --data-dir=DIR both work, and the database is named", async () => {
  const file = resolve(join(dataDir, "kindred.db"));
  const spaced = await kindred(["admin", "grant", handle, "supporter", "--data-dir", dataDir]);
  assert.equal(spaced.status, 0, spaced.stderr);
  assert.match(spaced.stdout, new RegExp(`Using the SQLite database at ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.`));
  assert.match(spaced.stdout, /Granted supporter to .*Roles now: member, supporter\./);
  const joined = await kindred(["admin", "revoke", handle, "supporter", `--data-dir=${dataDir}`]);
  assert.equal(joined.status, 0, joined.stderr);
  assert.match(joined.stdout, /Revoked supporter from .*Roles now: member\./);
});

test("a data directory without a database is refused with exit code 1, and nothing is created", async () => {
  const missing = join(tempDataDir(), "not-here");
  try {
    const run = await kindred(["admin", "grant", handle, "supporter"], { DATA_DIR: missing });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /No Kindred database at .*not-here.*kindred\.db/);
    assert.match(run.stderr, /DATA_DIR/);
    assert.ok(!existsSync(missing), "the directory was created");
  } finally {
    removeDataDir(resolve(missing, ".."));
  }
});

test("unknown members and bad usage are told apart from a missing database", async () => {
  const unknown = await kindred(["admin", "grant", "nobody-by-this-name", "supporter", "--data-dir", dataDir]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /No member has the handle "nobody-by-this-name"/);
  const usage = await kindred(["admin", "grant", handle, "--data-dir", dataDir]);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /Usage:/);
});

test("a PostgreSQL database is named with its password masked", { skip: scaleOutUrls ? false : "DATABASE_URL is not set" }, async () => {
  const database = await freshDatabase(scaleOutUrls!.databaseUrl);
  try {
    const url = new URL(database.url);
    url.password = "cli-secret-pw";
    const run = await kindred(["admin", "grant", "nobody-by-this-name", "supporter", `--database-url=${url}`]);
    assert.match(run.stdout, /Using the PostgreSQL database at postgres(ql)?:\/\/.*\*\*\*\*@/);
    assert.ok(!(run.stdout + run.stderr).includes("cli-secret-pw"));
  } finally {
    await database.drop();
  }
});
