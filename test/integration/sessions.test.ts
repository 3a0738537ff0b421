/** Sign-in, sign-out, sessions and recovery codes (protocol.md "Authentication"). */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openSqliteConnection } from "../../src/store/sqlite-connection.js";
import { type TestServer, removeDataDir, startServer, tempDataDir } from "../helpers/server.js";
import { call, goodPassword, signUp, uniqueHandle } from "../helpers/http.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

const signIn = (handle: string, password: string) => call(server.url, "POST", "/api/v1/sessions", { json: { handle, password } });

describe("sign-in", () => {
  test("with the right password, any case of the handle", async () => {
    const { handle, password, user } = await signUp(server.url, uniqueHandle("Mika"));
    const res = await signIn(handle.toUpperCase(), password);
    assert.equal(res.status, 200);
    assert.equal(res.body.user.id, user.id);
    assert.ok(res.body.token);
    assert.equal((await call(server.url, "GET", "/api/v1/me", { token: res.body.token })).status, 200);
  });

  test("unknown handle and wrong password get the same answer", async () => {
    const { handle } = await signUp(server.url);
    const wrong = await signIn(handle, "not the password at all");
    const unknown = await signIn(uniqueHandle("nobody"), "not the password at all");
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
  });

  test("unknown handle and wrong password take similar time (both hash)", async () => {
    const slow = await startServer({ argon2MemoryKib: "65536", argon2TimeCost: "3" });
    try {
      const { handle } = await signUp(slow.url);
      const time = async (h: string) => {
        const start = performance.now();
        await call(slow.url, "POST", "/api/v1/sessions", { json: { handle: h, password: "wrong password here" } });
        return performance.now() - start;
      };
      await time(uniqueHandle("warmup"));
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 3; i++) {
        known.push(await time(handle));
        unknown.push(await time(uniqueHandle("ghost")));
      }
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
      const ratio = median(unknown) / median(known);
      assert.ok(ratio > 0.5 && ratio < 2, `unknown/known time ratio ${ratio.toFixed(2)}`);
    } finally {
      await slow.close();
    }
  });

  test("a sign-in rehashes the password when the configured cost rose", async () => {
    const dataDir = tempDataDir();
    const cheap = await startServer({ dataDir, argon2MemoryKib: "1024", argon2TimeCost: "1" });
    const { handle, password, user } = await signUp(cheap.url);
    await cheap.close();
    const dearer = await startServer({ dataDir, argon2MemoryKib: "2048", argon2TimeCost: "2" });
    try {
      assert.equal((await call(dearer.url, "POST", "/api/v1/sessions", { json: { handle, password } })).status, 200);
      const db = openSqliteConnection(`${dataDir}/kindred.db`, { readonly: true });
      const row = db.prepare("select password_hash from users where id = ?").get([user.id]) as { password_hash: string };
      db.close();
      assert.match(row.password_hash, /m=2048/);
      assert.match(row.password_hash, /t=2/);
      assert.equal((await call(dearer.url, "POST", "/api/v1/sessions", { json: { handle, password } })).status, 200);
    } finally {
      await dearer.close();
      removeDataDir(dataDir);
    }
  });

  test("too many attempts for one handle: 429 RATE_LIMITED with Retry-After, before any hashing", async () => {
    const strict = await startServer({ rateLimitMultiplier: "1" });
    try {
      const { handle } = await signUp(strict.url);
      const statuses: number[] = [];
      let limited;
      for (let i = 0; i < 15; i++) {
        const res = await call(strict.url, "POST", "/api/v1/sessions", { json: { handle, password: "wrong password " + i } });
        statuses.push(res.status);
        if (res.status === 429) {
          limited = res;
          break;
        }
      }
      assert.ok(limited, `statuses: ${statuses.join(",")}`);
      assert.equal(limited.body.error.code, "RATE_LIMITED");
      assert.equal(limited.body.error.retryable, true);
      assert.ok(limited.body.error.retryAfterMs > 0);
      const retryAfter = Number(limited.headers.get("retry-after"));
      assert.ok(Number.isInteger(retryAfter) && retryAfter > 0, `Retry-After ${retryAfter}`);
      assert.equal(statuses.filter((s) => s === 401).length, 10, "ten tries per handle, then the limit");
    } finally {
      await strict.close();
    }
  });
});

describe("sessions", () => {
  test("sign-out ends the token at once", async () => {
    const { token } = await signUp(server.url);
    assert.equal((await call(server.url, "DELETE", "/api/v1/sessions/current", { token })).status, 204);
    const after = await call(server.url, "GET", "/api/v1/me", { token });
    assert.equal(after.status, 401);
    assert.equal(after.body.error.code, "UNAUTHENTICATED");
  });

  test("a member lists their sessions and ends another one", async () => {
    const { handle, password, token } = await signUp(server.url);
    const second = (await signIn(handle, password)).body.token as string;
    const list = await call(server.url, "GET", "/api/v1/sessions", { token });
    assert.equal(list.status, 200);
    assert.equal(list.body.sessions.length, 2);
    assert.equal(list.body.sessions.filter((s: any) => s.current).length, 1);
    const other = list.body.sessions.find((s: any) => !s.current);
    assert.equal((await call(server.url, "DELETE", `/api/v1/sessions/${other.id}`, { token })).status, 204);
    assert.equal((await call(server.url, "GET", "/api/v1/me", { token: second })).status, 401);
    assert.equal((await call(server.url, "GET", "/api/v1/me", { token })).status, 200);
  });

  test("nobody can end someone else's session", async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    const bSessions = await call(server.url, "GET", "/api/v1/sessions", { token: b.token });
    const res = await call(server.url, "DELETE", `/api/v1/sessions/${bSessions.body.sessions[0].id}`, { token: a.token });
    assert.equal(res.status, 404);
    assert.equal((await call(server.url, "GET", "/api/v1/me", { token: b.token })).status, 200);
  });

  test("tokens survive a server restart", async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ dataDir });
    const { token } = await signUp(first.url);
    await first.close();
    const second = await startServer({ dataDir });
    try {
      assert.equal((await call(second.url, "GET", "/api/v1/me", { token })).status, 200);
    } finally {
      await second.close();
      removeDataDir(dataDir);
    }
  });

  test("idle sessions expire", async () => {
    const brief = await startServer({ sessionIdleHours: String(0.5 / 3600) });
    try {
      const { token } = await signUp(brief.url);
      await new Promise((r) => setTimeout(r, 700));
      assert.equal((await call(brief.url, "GET", "/api/v1/me", { token })).status, 401);
    } finally {
      await brief.close();
    }
  });

  test("sessions end at their absolute lifetime even when used", async () => {
    const brief = await startServer({ sessionAbsoluteHours: String(0.6 / 3600) });
    try {
      const { token } = await signUp(brief.url);
      assert.equal((await call(brief.url, "GET", "/api/v1/me", { token })).status, 200);
      await new Promise((r) => setTimeout(r, 800));
      assert.equal((await call(brief.url, "GET", "/api/v1/me", { token })).status, 401);
    } finally {
      await brief.close();
    }
  });
});

describe("recovery", () => {
  const recover = (handle: string, recoveryCode: string, newPassword = "a brand new passphrase") =>
    call(server.url, "POST", "/api/v1/accounts/recover", { json: { handle, recoveryCode, newPassword } });

  test("a code sets a new password, ends every older session and rotates the codes", async () => {
    const { handle, password, token, recoveryCodes } = await signUp(server.url);
    const other = (await signIn(handle, password)).body.token;
    const res = await recover(handle, recoveryCodes[3]!);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.recoveryCodes.length, 10);
    assert.ok(res.body.token);
    assert.equal((await call(server.url, "GET", "/api/v1/me", { token })).status, 401, "old token ends");
    assert.equal((await call(server.url, "GET", "/api/v1/me", { token: other })).status, 401, "every old token ends");
    assert.equal((await call(server.url, "GET", "/api/v1/me", { token: res.body.token })).status, 200);
    assert.equal((await signIn(handle, password)).status, 401, "old password ends");
    assert.equal((await signIn(handle, "a brand new passphrase")).status, 200);
    assert.equal((await recover(handle, recoveryCodes[5]!)).status, 401, "older codes end too");
    assert.equal((await recover(handle, res.body.recoveryCodes[0].toUpperCase().replaceAll("-", " "))).status, 200, "new codes work, typed loosely");
  });

  test("a used code fails the second time, even when both tries race", async () => {
    const { handle, recoveryCodes } = await signUp(server.url);
    const [first, second] = await Promise.all([recover(handle, recoveryCodes[0]!), recover(handle, recoveryCodes[0]!)]);
    assert.deepEqual([first.status, second.status].sort(), [200, 401]);
    const third = await recover(handle, recoveryCodes[0]!);
    assert.equal(third.status, 401);
    assert.equal(third.body.error.code, "UNAUTHENTICATED");
  });

  test("unknown codes and handles: UNAUTHENTICATED; weak new password: WEAK_PASSWORD and the code still works", async () => {
    const { handle, recoveryCodes } = await signUp(server.url);
    assert.equal((await recover(handle, "00000000-00000000-00000000-00000000")).status, 401);
    assert.equal((await recover(uniqueHandle("nobody"), recoveryCodes[0]!)).status, 401);
    const weak = await recover(handle, recoveryCodes[0]!, "password1");
    assert.equal(weak.status, 400);
    assert.equal(weak.body.error.code, "WEAK_PASSWORD");
    assert.equal(weak.body.error.details.field, "newPassword");
    assert.equal((await recover(handle, recoveryCodes[0]!, goodPassword + "!")).status, 200);
  });
});
