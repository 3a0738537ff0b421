/**
 * The contract in the repository is the contract the server serves: every
 * definition is a registered route, every route is documented, the OpenAPI
 * document is valid 3.1, docs/api.md is current, and answers match their schemas.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { apiDocPath, renderApiDoc } from "../../scripts/api-docs.js";
import { allRoutes } from "../../src/protocol/rest/routes.js";
import { buildOpenApi, openApiPath } from "../../src/protocol/openapi.js";
import { call, signUp } from "../helpers/http.js";
import { type TestServer, startServer } from "../helpers/server.js";

describe("the public contract", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  test("every route definition is registered, and every registered API route has one", async () => {
    for (const route of allRoutes) {
      assert.ok(server.app.hasRoute({ method: route.method, url: route.url }), `${route.method} ${route.url} is served`);
    }
    const definitions = new Set(allRoutes.map((r) => `${r.method} ${r.url}`));
    const registered = registeredRoutes(server.app.printRoutes({ commonPrefix: false })).filter(
      (entry) => entry.includes(" /api/") && !entry.startsWith("HEAD "),
    );
    assert.equal(registered.length, allRoutes.filter((r) => r.url.startsWith("/api/")).length, "as many API routes as definitions");
    for (const entry of registered) assert.ok(definitions.has(entry), `${entry} has a definition (schemas, access, docs)`);
  });

  test("the OpenAPI document is valid OpenAPI 3.1 and is what the server serves", async () => {
    const served = await call(server.url, "GET", "/api/v1/openapi.json");
    assert.equal(served.status, 200);
    assert.deepEqual(served.body, JSON.parse(JSON.stringify(buildOpenApi())));
    const validator = new Validator();
    const result = await validator.validate(served.body);
    assert.equal(validator.version, "3.1");
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
    for (const route of allRoutes) {
      const operation = served.body.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      assert.ok(operation, `${route.method} ${route.url} is in the OpenAPI document`);
      assert.ok(Object.keys(operation.responses).length > 0);
    }
  });

  test("docs/api.md is generated from the current contract and names every route and frame", () => {
    const committed = readFileSync(apiDocPath, "utf8");
    assert.equal(committed, renderApiDoc(), "docs/api.md is stale: run npm run docs:api");
    for (const route of allRoutes) assert.ok(committed.includes(`### \`${route.method} ${route.url}\``), `${route.method} ${route.url} is documented`);
    for (const op of ["resume", "send", "read", "typing", "ping", "hello", "ack", "event", "gap", "synced", "safety", "error", "match.found"]) {
      assert.ok(committed.includes(`#### \`${op}\``), `frame ${op} is documented`);
    }
  });

  test("a wrong method on a known path is 405 with Allow; an unknown path is 404", async () => {
    const wrong = await call(server.url, "PUT", "/api/v1/conversations");
    assert.equal(wrong.status, 405);
    assert.equal(wrong.body.error.code, "METHOD_NOT_ALLOWED");
    assert.deepEqual(wrong.headers.get("allow")?.split(", ").sort(), ["GET", "HEAD", "POST"]);
    const byId = await call(server.url, "POST", "/api/v1/conversations/abc/events");
    assert.equal(byId.status, 405);
    assert.equal(byId.headers.get("allow"), "GET, HEAD");
    const unknown = await call(server.url, "GET", "/api/v1/nothing-here");
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, "NOT_FOUND");
  });

  test("validation speaks plain words and names the field, the same way over REST as over the socket", async () => {
    const missing = await call(server.url, "POST", "/api/v1/sessions", { json: { password: "x" } });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.error.details, { field: "handle", problem: "is required" });
    assert.equal(missing.body.error.message, "handle: is required");
    const unknown = await call(server.url, "POST", "/api/v1/sessions", { json: { handle: "a", password: "x", extra: 1 } });
    assert.equal(unknown.body.error.details.field, "extra");
    const me = await signUp(server.url);
    const tooLong = await call(server.url, "POST", "/api/v1/match-requests", {
      token: me.token,
      json: { experiences: [], mode: "one-to-one", note: "n".repeat(281) },
    });
    assert.equal(tooLong.body.error.message, "note: must be at most 280 characters");
    const badEnum = await call(server.url, "POST", "/api/v1/match-requests", { token: me.token, json: { experiences: [], mode: "crowd" } });
    assert.equal(badEnum.body.error.message, "mode: must be one of: one-to-one, group");
  });

  test("a route that needs a session refuses before reading the body", async () => {
    const res = await call(server.url, "POST", "/api/v1/conversations", { raw: "{not json" });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, "UNAUTHENTICATED");
  });

  test("sign out everywhere else ends the other sessions only", async () => {
    const me = await signUp(server.url);
    const other = await call(server.url, "POST", "/api/v1/sessions", { json: { handle: me.user.handle, password: me.password } });
    assert.equal(other.status, 200);
    const ended = await call(server.url, "DELETE", "/api/v1/sessions/others", { token: me.token });
    assert.equal(ended.status, 200);
    assert.equal(ended.body.ended, 1);
    assert.equal((await call(server.url, "GET", "/api/v1/me", { token: other.body.token })).status, 401);
    assert.equal((await call(server.url, "GET", "/api/v1/me", { token: me.token })).status, 200);
  });
});

/** "METHOD /path" for every route in Fastify's printed tree (each line adds its segment to its parent's path). */
function registeredRoutes(tree: string): string[] {
  const stack: Array<{ depth: number; path: string }> = [];
  const routes: string[] = [];
  for (const line of tree.split("\n")) {
    const m = /^([\s│├└─]*)(\S+) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length;
    while (stack.length > 0 && stack.at(-1)!.depth >= depth) stack.pop();
    const path = (stack.at(-1)?.path ?? "") + m[2]!;
    stack.push({ depth, path });
    for (const method of m[3]!.split(", ")) routes.push(`${method} ${path}`);
  }
  return routes;
}
