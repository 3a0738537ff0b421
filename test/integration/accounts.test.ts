/** Sign-up, the adult gate, handles, passwords and profiles (protocol.md "Authentication"). */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { openSqliteConnection } from "../../src/store/sqlite-connection.js";
import { type TestServer, startServer } from "../helpers/server.js";
import { birthDateYearsAgo, call, goodPassword, signUp, uniqueHandle } from "../helpers/http.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

function signUpBody(overrides: Record<string, unknown> = {}) {
  return { handle: uniqueHandle(), password: goodPassword, birthDate: birthDateYearsAgo(25), acceptAgreement: true, ...overrides };
}

/** Every byte under DATA_DIR (database, WAL, journal), to search for traces. */
function dataDirBytes(dir: string): string {
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name)).toString("latin1"))
    .join("\n");
}

describe("sign-up", () => {
  test("creates an adult member with a token, a cookie and ten recovery codes", async () => {
    const handle = uniqueHandle("Robin");
    const res = await call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ handle }) });
    assert.equal(res.status, 201);
    assert.equal(res.body.user.handle, handle);
    assert.deepEqual(res.body.user.roles, ["member"]);
    assert.deepEqual(Object.keys(res.body.user).sort(), [
      "about",
      "availability",
      "createdAt",
      "displayName",
      "experiences",
      "handle",
      "id",
      "languages",
      "onDuty",
      "region",
      "roles",
    ]);
    assert.match(res.body.token, /^[A-Za-z0-9_-]{43}$/, "256-bit base64url token");
    assert.equal(res.body.recoveryCodes.length, 10);
    assert.equal(new Set(res.body.recoveryCodes).size, 10);
    for (const code of res.body.recoveryCodes) assert.match(code, /^[0-9a-f]{8}(-[0-9a-f]{8}){3}$/, "128-bit code");
    const me = await call(server.url, "GET", "/api/v1/me", { token: res.body.token });
    assert.equal(me.status, 200);
    assert.equal(me.body.user.id, res.body.user.id);
  });

  test("turning 18 today is old enough; one day short is not", async () => {
    const adult = await call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ birthDate: birthDateYearsAgo(18) }) });
    assert.equal(adult.status, 201);
    const minor = await call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ birthDate: birthDateYearsAgo(18, 1) }) });
    assert.equal(minor.status, 403);
    assert.equal(minor.body.error.code, "UNDER_AGE");
  });

  test("an under-age attempt is refused kindly and leaves no trace in the database, its files or the logs", async () => {
    const handle = uniqueHandle("Youngster");
    const birthDate = birthDateYearsAgo(15);
    const res = await call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ handle, birthDate }) });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, "UNDER_AGE");
    assert.match(res.body.error.message, /youth/i, "points to youth services");
    assert.equal(res.headers.get("set-cookie"), null);

    const db = openSqliteConnection(join(server.dataDir, "kindred.db"), { readonly: true });
    try {
      const row = db.prepare("select count(*) as n from users where handle_key = ?").get([handle.toLowerCase()]) as { n: number };
      assert.equal(row.n, 0);
    } finally {
      db.close();
    }
    const files = dataDirBytes(server.dataDir);
    assert.ok(!files.includes(handle), "handle is not in any file under DATA_DIR");
    assert.ok(!files.includes(birthDate), "birth date is not in any file under DATA_DIR");
    const logs = server.logs.join("");
    assert.ok(!logs.includes(handle), "handle is not logged");
    assert.ok(!logs.includes(birthDate), "birth date is not logged");
  });

  test("the birth date is never stored, only that adulthood was attested and when", async () => {
    const birthDate = birthDateYearsAgo(40);
    const { user } = await signUp(server.url);
    const other = await call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ birthDate }) });
    assert.equal(other.status, 201);
    const db = openSqliteConnection(join(server.dataDir, "kindred.db"), { readonly: true });
    try {
      const columns = (db.prepare("pragma table_info(users)").all([]) as Array<{ name: string }>).map((c) => c.name);
      assert.ok(!columns.some((c) => /birth/.test(c)), `no birth column in ${columns.join(",")}`);
      const row = db.prepare("select adult_attested_at from users where id = ?").get([user.id]) as { adult_attested_at: number };
      assert.ok(Math.abs(row.adult_attested_at - Date.now()) < 60_000);
    } finally {
      db.close();
    }
    assert.ok(!dataDirBytes(server.dataDir).includes(birthDate));
  });

  test("handles are unique ignoring case: HANDLE_TAKEN", async () => {
    const handle = uniqueHandle("Sam");
    assert.equal((await call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ handle }) })).status, 201);
    for (const variant of [handle, handle.toUpperCase(), handle.toLowerCase()]) {
      const res = await call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ handle: variant }) });
      assert.equal(res.status, 409, variant);
      assert.equal(res.body.error.code, "HANDLE_TAKEN");
    }
  });

  test("two sign-ups racing for one handle: exactly one wins", async () => {
    const handle = uniqueHandle("Race");
    const answers = await Promise.all(
      [handle, handle.toUpperCase(), handle, handle.toLowerCase()].map((h) =>
        call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ handle: h }) }),
      ),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409]);
  });

  test("handle rules: 3–32 letters, digits, _ - .", async () => {
    for (const bad of ["ab", "a".repeat(33), "has space", "emoji🙂x", "semi;colon", "ünïcode", ""]) {
      const res = await call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ handle: bad }) });
      assert.equal(res.status, 400, bad);
      assert.equal(res.body.error.code, "BAD_REQUEST");
      assert.equal(res.body.error.details.field, "handle");
    }
    for (const good of ["abc", "a.b-c_d", "x".repeat(32)]) {
      const res = await call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ handle: good + (good.length < 32 ? "" : "") }) });
      assert.ok(res.status === 201 || res.body.error.code === "HANDLE_TAKEN", `${good}: ${res.text}`);
    }
  });

  test("weak passwords: too short or among the most common, ignoring case", async () => {
    for (const weak of ["short", "123456789", "qwertyuiop", "QWERTYUIOP", "1q2w3e4r5t", "Password123"]) {
      const res = await call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ password: weak }) });
      assert.equal(res.status, 400, weak);
      assert.equal(res.body.error.code, "WEAK_PASSWORD", weak);
      assert.ok(Array.isArray(res.body.error.details.feedback.suggestions), "zxcvbn's hint comes along");
    }
    const unicode = await call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ password: "ľúbim čaj 🍵 ráno" }) });
    assert.equal(unicode.status, 201, "any Unicode is welcome");
  });

  test("acceptAgreement must be exactly true", async () => {
    for (const value of [false, "true", 1, null]) {
      const res = await call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ acceptAgreement: value }) });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.details.field, "acceptAgreement");
    }
    const { acceptAgreement: _omit, ...missing } = signUpBody();
    const res = await call(server.url, "POST", "/api/v1/accounts", { json: missing });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.details.field, "acceptAgreement");
  });

  test("impossible or future birth dates are BAD_REQUEST naming birthDate", async () => {
    for (const bad of ["2001-02-29", "1990-13-01", "12/01/1990", "3000-01-01", "1850-01-01", ""]) {
      const res = await call(server.url, "POST", "/api/v1/accounts", { json: signUpBody({ birthDate: bad }) });
      assert.equal(res.status, 400, bad);
      assert.equal(res.body.error.details.field, "birthDate", bad);
    }
  });

  test("the stored password is an argon2id PHC string with the configured cost", async () => {
    const real = await startServer({ argon2MemoryKib: "65536", argon2TimeCost: "3" });
    try {
      const { user, password } = await signUp(real.url);
      const db = openSqliteConnection(join(real.dataDir, "kindred.db"), { readonly: true });
      const { password_hash } = db.prepare("select password_hash from users where id = ?").get([user.id]) as { password_hash: string };
      db.close();
      const phc = /^\$argon2id\$v=19\$([^$]+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(password_hash);
      assert.ok(phc, password_hash);
      assert.deepEqual(Object.fromEntries(phc[1]!.split(",").map((kv) => kv.split("="))), { m: "65536", t: "3", p: "1" });
      assert.ok(!password_hash.includes(password));
    } finally {
      await real.close();
    }
  });
});

describe("profile", () => {
  test("GET and PATCH /api/v1/me", async () => {
    const { token } = await signUp(server.url);
    const patch = { displayName: "  River  ", about: "Here to listen.", languages: ["en", "es"], availability: "listen", region: "US" };
    const res = await call(server.url, "PATCH", "/api/v1/me", { token, json: patch });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.user.displayName, "River");
    assert.deepEqual(res.body.user.languages, ["en", "es"]);
    assert.equal(res.body.user.availability, "listen");
    assert.equal(res.body.user.region, "US");
    const again = await call(server.url, "GET", "/api/v1/me", { token });
    assert.deepEqual(again.body.user, res.body.user);
  });

  test("bad fields are named and nothing is written", async () => {
    const { token } = await signUp(server.url);
    const cases: Array<[unknown, string]> = [
      [{ availability: "sometimes" }, "availability"],
      [{ languages: ["english"] }, "languages.0"],
      [{ languages: [] }, "languages"],
      [{ displayName: "x".repeat(65) }, "displayName"],
      [{ about: 5 }, "about"],
      [{ region: "usa" }, "region"],
      [{ diagnosis: "none of your business" }, "diagnosis"],
      [{ displayName: "Ok", availability: "nope" }, "availability"],
    ];
    for (const [body, field] of cases) {
      const res = await call(server.url, "PATCH", "/api/v1/me", { token, json: body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, "BAD_REQUEST");
      assert.equal(res.body.error.details.field, field, JSON.stringify(body));
    }
    const me = await call(server.url, "GET", "/api/v1/me", { token });
    assert.equal(me.body.user.displayName, null, "the valid half of a bad patch was not written");
  });

  test("only supporters can go on duty", async () => {
    const { token } = await signUp(server.url);
    const res = await call(server.url, "PATCH", "/api/v1/me", { token, json: { onDuty: true } });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, "FORBIDDEN");
    const off = await call(server.url, "PATCH", "/api/v1/me", { token, json: { onDuty: false } });
    assert.equal(off.status, 200);
  });

  test("without a session: 401 UNAUTHENTICATED", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/me"],
      ["PATCH", "/api/v1/me"],
      ["GET", "/api/v1/sessions"],
    ] as const) {
      const res = await call(server.url, method, path, { json: method === "PATCH" ? {} : undefined });
      assert.equal(res.status, 401, path);
      assert.equal(res.body.error.code, "UNAUTHENTICATED");
    }
    const forged = await call(server.url, "GET", "/api/v1/me", { token: "A".repeat(43) });
    assert.equal(forged.status, 401);
  });
});

describe("public routes", () => {
  test("the community agreement is served without a session", async () => {
    const res = await call(server.url, "GET", "/api/v1/agreement");
    assert.equal(res.status, 200);
    assert.match(res.body.agreement.text, /peers/i);
    assert.match(res.body.agreement.version, /^[0-9a-f]{12}$/);
  });

  test("/ says what Kindred is", async () => {
    const res = await call(server.url, "GET", "/");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /text\/html/);
    assert.match(res.text, /peer support/i);
  });

  test("unknown paths get NOT_FOUND in the error shape", async () => {
    const res = await call(server.url, "GET", "/api/v1/nothing-here");
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, "NOT_FOUND");
  });
});
