/** The server-rendered pages: /agreement and /help, and the links that lead to help. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { loadResources } from "../../src/domain/safety/resources.js";
import { type TestServer, startServer } from "../helpers/server.js";
import { birthDateYearsAgo, call, uniqueHandle } from "../helpers/http.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

test("/agreement is the community agreement as HTML, under the Content-Security-Policy", async () => {
  const res = await call(server.url, "GET", "/agreement");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/html; charset=utf-8/);
  assert.match(res.headers.get("content-security-policy") ?? "", /script-src 'self'/);
  assert.match(res.text, /<h1[^>]*>Our community agreement<\/h1>/);
  assert.match(res.text, /<strong>We are peers\.<\/strong>/);
  assert.match(res.text, /<link rel="stylesheet" href="\/style.css">/);
  assert.ok(!/<script|<style| style=/.test(res.text), "nothing inline");
});

test("/help lists every resource of GET /api/v1/resources, grouped by region", async () => {
  const res = await call(server.url, "GET", "/help");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/html; charset=utf-8/);
  const api = (await call(server.url, "GET", "/api/v1/resources")).body.resources as Array<{ name: string; contact: string }>;
  assert.deepEqual(
    api.map((r) => r.name),
    loadResources().map((r) => r.name),
  );
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  for (const r of api) {
    assert.ok(res.text.includes(escape(r.name)), `${r.name} is listed`);
    assert.ok(res.text.includes(escape(r.contact)), `${r.contact} is listed`);
  }
  assert.match(res.text, /<h2 id="region-any">Anywhere<\/h2>/);
  assert.match(res.text, /<h2 id="region-US">United States<\/h2>/);
  assert.ok(!/<script|<style| style=/.test(res.text), "works without JavaScript, nothing inline");
});

test("the home page and the under-18 answer point to /help", async () => {
  const home = await call(server.url, "GET", "/");
  assert.match(home.text, /<a href="\/help">/);
  const young = await call(server.url, "POST", "/api/v1/accounts", {
    json: { handle: uniqueHandle(), password: "quiet river morning 42", birthDate: birthDateYearsAgo(16), acceptAgreement: true },
  });
  assert.equal(young.status, 403);
  assert.equal(young.body.error.code, "UNDER_AGE");
  assert.match(young.body.error.message, /\/help/);
});
