/**
 * Protection at the edge (protocol.md "Errors" and "Authentication"): malformed
 * input is BAD_REQUEST and never a 500, cookie-authenticated writes need an
 * allowed Origin, headers are strict, and secrets never reach the logs.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestServer, startServer } from "../helpers/server.js";
import { birthDateYearsAgo, call, goodPassword, signUp, uniqueHandle } from "../helpers/http.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

const cookieOf = (setCookie: string | null) => (setCookie ?? "").split(";")[0]!;

describe("cookies and origins", () => {
  test("the session cookie is HttpOnly, SameSite=Lax, Path=/, and not Secure over plain HTTP", async () => {
    const { answer } = await signUp(server.url);
    const setCookie = answer.headers.get("set-cookie") ?? "";
    assert.match(setCookie, /^kindred_session=[A-Za-z0-9_-]{43};/);
    assert.match(setCookie, /; HttpOnly/);
    assert.match(setCookie, /; SameSite=Lax/);
    assert.match(setCookie, /; Path=\//);
    assert.doesNotMatch(setCookie, /Secure/);
  });

  test("behind a TLS proxy the cookie is Secure", async () => {
    const proxied = await startServer({ trustProxy: "true" });
    try {
      const res = await call(proxied.url, "POST", "/api/v1/accounts", {
        headers: { "x-forwarded-proto": "https" },
        json: { handle: uniqueHandle(), password: goodPassword, birthDate: birthDateYearsAgo(30), acceptAgreement: true },
      });
      assert.equal(res.status, 201);
      assert.match(res.headers.get("set-cookie") ?? "", /; Secure/);
    } finally {
      await proxied.close();
    }
  });

  test("the cookie authenticates reads, and writes from our own origin", async () => {
    const { answer } = await signUp(server.url);
    const cookie = cookieOf(answer.headers.get("set-cookie"));
    assert.equal((await call(server.url, "GET", "/api/v1/me", { cookie })).status, 200);
    const res = await call(server.url, "PATCH", "/api/v1/me", { cookie, origin: server.origin, json: { displayName: "Ash" } });
    assert.equal(res.status, 200);
    assert.equal(res.body.user.displayName, "Ash");
  });

  test("a cookie write from a foreign or missing Origin is refused and changes nothing", async () => {
    const { answer, token } = await signUp(server.url);
    const cookie = cookieOf(answer.headers.get("set-cookie"));
    for (const origin of ["https://evil.example", "null", `${server.origin}.evil.example`, undefined]) {
      const patch = await call(server.url, "PATCH", "/api/v1/me", { cookie, origin, json: { displayName: "Hacked" } });
      assert.equal(patch.status, 403, `origin ${origin}`);
      assert.equal(patch.body.error.code, "FORBIDDEN");
      const signOut = await call(server.url, "DELETE", "/api/v1/sessions/current", { cookie, origin });
      assert.equal(signOut.status, 403);
    }
    const me = await call(server.url, "GET", "/api/v1/me", { token });
    assert.equal(me.status, 200, "the session still works");
    assert.equal(me.body.user.displayName, null, "nothing changed");
  });

  test("a cross-site sign-up or sign-in form post is refused", async () => {
    const body = { handle: uniqueHandle(), password: goodPassword, birthDate: birthDateYearsAgo(30), acceptAgreement: true };
    const res = await call(server.url, "POST", "/api/v1/accounts", { origin: "https://evil.example", json: body });
    assert.equal(res.status, 403);
    const ok = await call(server.url, "POST", "/api/v1/accounts", { json: body });
    assert.equal(ok.status, 201, "the handle was not taken by the refused attempt");
  });

  test("bearer tokens need no Origin", async () => {
    const { token } = await signUp(server.url);
    assert.equal((await call(server.url, "PATCH", "/api/v1/me", { token, json: { about: "hi" } })).status, 200);
  });

  test("ALLOWED_ORIGINS replaces the default", async () => {
    const custom = await startServer({ allowedOrigins: "https://chat.example.org" });
    try {
      const { answer } = await signUp(custom.url);
      const cookie = cookieOf(answer.headers.get("set-cookie"));
      const allowed = await call(custom.url, "PATCH", "/api/v1/me", { cookie, origin: "https://chat.example.org", json: { about: "x" } });
      assert.equal(allowed.status, 200);
      const own = await call(custom.url, "PATCH", "/api/v1/me", { cookie, origin: custom.origin, json: { about: "y" } });
      assert.equal(own.status, 403);
    } finally {
      await custom.close();
    }
  });
});

describe("headers", () => {
  test("a strict Content-Security-Policy and no caching of the API", async () => {
    const page = await call(server.url, "GET", "/");
    const csp = page.headers.get("content-security-policy") ?? "";
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(page.headers.get("x-content-type-options"), "nosniff");
    assert.equal(page.headers.get("referrer-policy"), "no-referrer");
    const api = await call(server.url, "GET", "/api/v1/agreement");
    assert.equal(api.headers.get("cache-control"), "no-store");
    const error = await call(server.url, "GET", "/api/v1/me");
    assert.equal(error.headers.get("cache-control"), "no-store");
  });

  test("health, readiness and metrics", async () => {
    assert.equal((await call(server.url, "GET", "/healthz")).status, 200);
    const ready = await call(server.url, "GET", "/readyz");
    assert.equal(ready.status, 200);
    assert.equal(ready.body.status, "ready");
    const metrics = await call(server.url, "GET", "/metrics");
    assert.equal(metrics.status, 200);
    assert.match(metrics.text, /kindred_http_requests_total\{method="GET",route="\/readyz",status="200"\} \d+/);
    assert.match(metrics.text, /kindred_process_resident_memory_bytes/);
  });
});

/** Fifty kinds of malformed request, each of which must be BAD_REQUEST (or 413) and never a 500. */
interface MalformedCase {
  name: string;
  method: string;
  path: string;
  raw?: string | Uint8Array;
  json?: unknown;
  headers?: Record<string, string>;
  status?: number;
}

function malformedCases(): MalformedCase[] {
  const valid = { handle: "validhandle", password: goodPassword, birthDate: "1990-01-01", acceptAgreement: true };
  const accounts = "/api/v1/accounts";
  const cases: MalformedCase[] = (
    [
      { name: "empty body", raw: "" },
      { name: "truncated JSON", raw: '{"handle": "abc"' },
      { name: "single quotes", raw: "{'handle': 'abc'}" },
      { name: "trailing comma", raw: '{"handle":"abc",}' },
      { name: "bare word", raw: "hello" },
      { name: "JSON null", raw: "null" },
      { name: "JSON number", raw: "42" },
      { name: "JSON string", raw: '"a string"' },
      { name: "JSON array", raw: "[]" },
      { name: "array of the object", json: [valid] },
      { name: "__proto__ key", raw: '{"__proto__": {"admin": true}, "handle": "abc"}' },
      { name: "constructor.prototype key", raw: '{"constructor": {"prototype": {"admin": true}}}' },
      { name: "invalid UTF-8", raw: new Uint8Array([0x7b, 0x22, 0x68, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]) },
      { name: "NaN literal", raw: '{"handle": NaN}' },
      { name: "comments", raw: '{/* hi */ "handle": "abc"}' },
      { name: "text/plain content type", raw: JSON.stringify(valid), headers: { "content-type": "text/plain" } },
      { name: "form content type", raw: "handle=abc&password=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
      { name: "unknown field", json: { ...valid, isAdmin: true } },
      { name: "diagnosis field", json: { ...valid, diagnosis: "anything" } },
      { name: "handle is a number", json: { ...valid, handle: 12345 } },
      { name: "handle is null", json: { ...valid, handle: null } },
      { name: "handle is an object", json: { ...valid, handle: { $ne: null } } },
      { name: "handle is an array", json: { ...valid, handle: ["abc"] } },
      { name: "handle over-long", json: { ...valid, handle: "a".repeat(10_000) } },
      { name: "handle with NUL", json: { ...valid, handle: "abc\u0000def" } },
      { name: "handle missing", json: { password: valid.password, birthDate: valid.birthDate, acceptAgreement: true } },
      { name: "password is a number", json: { ...valid, password: 1234567890123 } },
      { name: "password over-long", json: { ...valid, password: "p".repeat(5000) } },
      { name: "password is boolean", json: { ...valid, password: true } },
      { name: "birthDate is a number", json: { ...valid, birthDate: 19900101 } },
      { name: "birthDate over-long", json: { ...valid, birthDate: "1990-01-01".repeat(100) } },
      { name: "birthDate as timestamp", json: { ...valid, birthDate: "1990-01-01T00:00:00Z" } },
      { name: "acceptAgreement string", json: { ...valid, acceptAgreement: "yes" } },
      { name: "huge number", raw: '{"handle": 1e400}' },
      { name: "deeply nested", raw: "[".repeat(5000) + "]".repeat(5000) },
      { name: "body over the size limit", raw: JSON.stringify({ ...valid, handle: "x".repeat(70_000) }), status: 413 },
    ] as Array<Omit<MalformedCase, "method" | "path">>
  ).map((c) => ({ method: "POST", path: accounts, ...c }));

  cases.push(
    { method: "POST", path: "/api/v1/sessions", name: "sign-in: handle missing", json: { password: "x" } },
    { method: "POST", path: "/api/v1/sessions", name: "sign-in: password is an object", json: { handle: "abc", password: {} } },
    { method: "POST", path: "/api/v1/sessions", name: "sign-in: extra field", json: { handle: "abc", password: "x", remember: true } },
    { method: "POST", path: "/api/v1/sessions", name: "sign-in: invalid JSON", raw: "{handle:abc}" },
    { method: "POST", path: "/api/v1/sessions", name: "sign-in: handle over-long", json: { handle: "h".repeat(500), password: "x" } },
    { method: "POST", path: "/api/v1/accounts/recover", name: "recover: code missing", json: { handle: "abc", newPassword: goodPassword } },
    {
      method: "POST",
      path: "/api/v1/accounts/recover",
      name: "recover: code is a number",
      json: { handle: "abc", recoveryCode: 1234, newPassword: goodPassword },
    },
    {
      method: "POST",
      path: "/api/v1/accounts/recover",
      name: "recover: code over-long",
      json: { handle: "abc", recoveryCode: "c".repeat(1000), newPassword: goodPassword },
    },
    { method: "POST", path: "/api/v1/accounts/recover", name: "recover: array body", json: [1, 2, 3] },
    { method: "PATCH", path: "/api/v1/me", name: "profile: languages not an array", json: { languages: "en" } },
    { method: "PATCH", path: "/api/v1/me", name: "profile: availability unknown", json: { availability: "busy" } },
    { method: "PATCH", path: "/api/v1/me", name: "profile: onDuty string", json: { onDuty: "yes" } },
    { method: "PATCH", path: "/api/v1/me", name: "profile: about over-long", json: { about: "a".repeat(5000) } },
    { method: "PATCH", path: "/api/v1/me", name: "profile: invalid JSON", raw: "{" },
  );
  return cases;
}

describe("malformed requests", () => {
  test("fifty kinds of malformed body each get 400 BAD_REQUEST naming what is wrong, and the server stays up", async () => {
    const { token } = await signUp(server.url);
    const cases = malformedCases();
    assert.ok(cases.length >= 50, `${cases.length} cases`);
    for (const c of cases) {
      const res = await call(server.url, c.method, c.path, {
        token: c.path === "/api/v1/me" ? token : undefined,
        raw: c.raw,
        json: c.json,
        headers: c.headers,
      });
      const expected = c.status ?? 400;
      assert.equal(res.status, expected, `${c.name}: ${res.status} ${res.text}`);
      assert.equal(res.body?.error?.code, expected === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST", c.name);
      if (expected === 400) assert.equal(typeof res.body.error.details.field, "string", c.name);
      assert.doesNotMatch(res.text, /at .*\.(ts|js):\d+|node_modules|Error:/, `${c.name}: no internals`);
    }
    assert.equal((await call(server.url, "GET", "/healthz")).status, 200);
    const stillWorks = await call(server.url, "POST", "/api/v1/accounts", {
      json: { handle: "validhandle", password: goodPassword, birthDate: "1990-01-01", acceptAgreement: true },
    });
    assert.equal(stillWorks.status, 201, "nothing from the malformed requests was stored: the handle is still free");
    assert.equal((await call(server.url, "GET", "/api/v1/me", { token })).body.user.about, null, "no bad patch was written");
  });
});

describe("logs", () => {
  test("passwords, tokens and recovery codes never appear in the logs (canary)", async () => {
    const chatty = await startServer({ logLevel: "trace" });
    try {
      const canaryPassword = "canary-password-7f3a9c1e";
      const { handle, token, recoveryCodes } = await signUp(chatty.url, uniqueHandle("canary"), canaryPassword);
      const signIn = await call(chatty.url, "POST", "/api/v1/sessions", { json: { handle, password: canaryPassword } });
      const cookie = cookieOf(signIn.headers.get("set-cookie"));
      await call(chatty.url, "GET", "/api/v1/me", { token });
      await call(chatty.url, "GET", "/api/v1/me", { cookie });
      await call(chatty.url, "PATCH", "/api/v1/me", { cookie, origin: "https://evil.example", json: { about: "x" } });
      await call(chatty.url, "POST", "/api/v1/sessions", { json: { handle, password: canaryPassword + "-wrong" } });
      await call(chatty.url, "POST", "/api/v1/sessions", { raw: `{"handle":"${handle}","password":"${canaryPassword}"` });
      await call(chatty.url, "GET", `/api/v1/me?token=${token}`, { token });
      const recovered = await call(chatty.url, "POST", "/api/v1/accounts/recover", {
        json: { handle, recoveryCode: recoveryCodes[0], newPassword: canaryPassword + "-new" },
      });
      assert.equal(recovered.status, 200);
      const logs = chatty.logs.join("");
      assert.ok(logs.length > 1000, "the server did log these requests");
      for (const secret of [canaryPassword, token, signIn.body.token, recovered.body.token, ...recoveryCodes, ...recovered.body.recoveryCodes]) {
        assert.ok(!logs.includes(secret), `a secret leaked into the logs: ${secret.slice(0, 6)}…`);
      }
    } finally {
      await chatty.close();
    }
  });
});
