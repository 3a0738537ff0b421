/**
 * How the server serves the built web client (src/http/static.ts): index.html for client routes
 * that ask for HTML, hashed assets cached for a year, index.html never cached, and the API,
 * /agreement and health routes untouched by the fallback.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { call } from "../helpers/http.js";
import { type TestServer, startServer } from "../helpers/server.js";

const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
let server: TestServer;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server.close();
});

test("client routes that ask for HTML get the app's page, never cached", async () => {
  for (const path of ["/", "/sign-in", "/home", "/conversations/abc123", "/settings/sessions"]) {
    const res = await call(server.url, "GET", path, { headers: html });
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get("content-type") ?? "", /text\/html/);
    assert.match(res.text, /<div id="root">/);
    assert.match(res.text, /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
    assert.equal(res.headers.get("cache-control"), "no-cache", path);
    assert.match(res.headers.get("content-security-policy") ?? "", /script-src 'self'(;|$)/);
  }
});

test("hashed assets are served with a year-long immutable cache", async () => {
  const assets = readdirSync(fileURLToPath(new URL("../../dist/web/assets/", import.meta.url)));
  const script = assets.find((name) => /^index-.*\.js$/.test(name));
  const style = assets.find((name) => name.endsWith(".css"));
  assert.ok(script && style, "the web client is built");
  for (const name of [script, style]) {
    const res = await call(server.url, "GET", `/assets/${name}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable");
  }
  const missing = await call(server.url, "GET", "/assets/index-nothere.js");
  assert.equal(missing.status, 404, "a missing asset is not answered with the page");
});

test("the API, /agreement and health routes are not shadowed by the fallback", async () => {
  const api = await call(server.url, "GET", "/api/v1/nothing-here", { headers: html });
  assert.equal(api.status, 404);
  assert.equal(api.body.error.code, "NOT_FOUND");
  const agreement = await call(server.url, "GET", "/agreement", { headers: html });
  assert.equal(agreement.status, 200);
  assert.doesNotMatch(agreement.text, /<div id="root">/);
  assert.equal((await call(server.url, "GET", "/healthz", { headers: html })).status, 200);
  assert.equal((await call(server.url, "GET", "/readyz", { headers: html })).status, 200);
  assert.equal((await call(server.url, "GET", "/api/v1/experiences", { headers: html })).status, 200);
});

test("requests that do not ask for HTML get NOT_FOUND, not the page", async () => {
  const json = await call(server.url, "GET", "/no-such-file.json", { headers: { accept: "application/json" } });
  assert.equal(json.status, 404);
  assert.equal(json.body.error.code, "NOT_FOUND");
  const post = await call(server.url, "POST", "/sign-in", { headers: html, json: {} });
  assert.equal(post.status, 404);
});
