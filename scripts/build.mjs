#!/usr/bin/env node
// `npm run build`: compiles what is stale, and only that.
//   - the server (src/ → dist/, with tsc) when a source, tsconfig or the lockfile is newer than
//     the last successful compile;
//   - the web client (`npm run build:web`, into dist/web) when web/index.html exists and anything
//     under web/ or src/protocol/ (whose types the client shares) is newer than dist/web/index.html.
// `--force` rebuilds both. `npm start`, `npm test` and `npm ci` (through `prepare`) call this, so
// a tree that is already built starts in about a second.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const at = (path) => join(root, path);

/** Written after a successful server compile; its time is the time of that compile. */
const serverStamp = at("dist/.server-built");
const webOutput = at("dist/web/index.html");

/** The newest modification time (ms) among files under `paths`, skipping dependency and output folders. */
function newest(paths, skip = () => false) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path) || skip(path)) return;
    const info = statSync(path);
    if (!info.isDirectory()) {
      latest = Math.max(latest, info.mtimeMs);
      return;
    }
    // A folder's own time changes when a file in it is deleted or renamed.
    latest = Math.max(latest, info.mtimeMs);
    for (const name of readdirSync(path)) {
      if (name === "node_modules" || name === "dist") continue;
      visit(join(path, name));
    }
  };
  for (const path of paths) visit(at(path));
  return latest;
}

function timeOf(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

const isTest = (path) => path.endsWith(".test.ts");

export function serverIsStale() {
  return timeOf(serverStamp) < newest(["src", "tsconfig.json", "tsconfig.build.json", "package-lock.json"], isTest);
}

export function hasWebClient() {
  return existsSync(at("web/index.html"));
}

export function webIsStale() {
  return hasWebClient() && timeOf(webOutput) < newest(["web", "src/protocol", "package-lock.json"], isTest);
}

function run(what, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal})`);
  return Date.now() - started;
}

function findTsc() {
  try {
    return createRequire(import.meta.url).resolve("typescript/bin/tsc");
  } catch {
    return undefined;
  }
}

/** Compiles the server from scratch, so files deleted from src/ do not linger in dist/. */
function buildServer() {
  const tsc = findTsc();
  if (!tsc) throw new Error("the server needs compiling but TypeScript is not installed: run `npm ci` (with dev dependencies)");
  rmSync(serverStamp, { force: true });
  for (const name of existsSync(at("dist")) ? readdirSync(at("dist")) : []) {
    if (name !== "web") rmSync(at(join("dist", name)), { recursive: true, force: true });
  }
  const ms = run("compiling the server", process.execPath, [tsc, "-p", "tsconfig.build.json"]);
  writeFileSync(serverStamp, `${new Date().toISOString()}\n`);
  return ms;
}

function buildWeb() {
  const npm = process.env.npm_execpath;
  // Under npm, reuse the same npm; otherwise find it on PATH.
  return npm
    ? run("building the web client", process.execPath, [npm, "run", "build:web", "--silent"])
    : run("building the web client", "npm", ["run", "build:web", "--silent"]);
}

/** Builds whatever is stale (or everything with `force`); says what it did on stderr. */
export function build({ force = false, quiet = false } = {}) {
  const say = (line) => quiet || process.stderr.write(`build: ${line}\n`);
  if (force || serverIsStale()) {
    say("compiling the server…");
    say(`server compiled in ${(buildServer() / 1000).toFixed(1)} s`);
  }
  if (hasWebClient() && (force || webIsStale())) {
    say("building the web client…");
    say(`web client built in ${(buildWeb() / 1000).toFixed(1)} s (${relative(root, webOutput)})`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `npm ci --omit=dev` runs `prepare` without TypeScript: a production install of a tree built
  // elsewhere must not fail for it. `npm start` and `npm run build` still say what is missing.
  if (process.env.npm_lifecycle_event === "prepare" && !findTsc()) {
    process.stderr.write("build: TypeScript is not installed (a production install); not building\n");
    process.exit(0);
  }
  try {
    build({ force: process.argv.includes("--force") });
  } catch (err) {
    process.stderr.write(`build: ${err.message}\n`);
    process.exit(1);
  }
}
