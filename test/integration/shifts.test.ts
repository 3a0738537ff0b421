/**
 * Supporters' shifts (protocol.md "Crisis support and supporters"): only
 * supporters go on duty; their own profile shows the shift while it runs; a
 * break nudge reaches their sockets once the break is due.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { grantRole, revokeRole } from "../../src/domain/accounts/roles.js";
import { call, signUp } from "../helpers/http.js";
import { type TestServer, startServer } from "../helpers/server.js";
import { barrier } from "../helpers/supporters.js";
import { TestSocket } from "../helpers/ws.js";

describe("shifts", () => {
  let server: TestServer;
  before(async () => {
    // A break due 0.6 s into a shift, so the nudge can be seen arriving.
    server = await startServer({ supporterBreakAfterMinutes: "0.01" });
  });
  after(async () => {
    await server.close();
  });

  test("members without the badge cannot go on duty", async () => {
    const m = await signUp(server.url);
    const res = await call(server.url, "PATCH", "/api/v1/me", { token: m.token, json: { onDuty: true } });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, "FORBIDDEN");
    const me = await call(server.url, "GET", "/api/v1/me", { token: m.token });
    assert.equal(me.body.user.onDuty, false);
    assert.equal(me.body.user.shift, undefined);
  });

  test("on duty: the shift shows with its break time, the nudge arrives once, and going off duty ends it", async () => {
    const s = await signUp(server.url);
    await grantRole(server.services.db, s.handle, "supporter");
    const socket = await TestSocket.open(server.url, { token: s.token });
    const before = Date.now();
    const on = await call(server.url, "PATCH", "/api/v1/me", { token: s.token, json: { onDuty: true } });
    assert.equal(on.status, 200);
    assert.equal(on.body.user.onDuty, true);
    const shift = on.body.user.shift;
    const startedAt = Date.parse(shift.startedAt);
    assert.ok(startedAt >= before - 5 && startedAt <= Date.now());
    assert.equal(Date.parse(shift.breakDueAt) - startedAt, 600, "break due SUPPORTER_BREAK_AFTER_MINUTES after the start");
    const me = await call(server.url, "GET", "/api/v1/me", { token: s.token });
    assert.deepEqual(me.body.user.shift, shift, "GET /me carries the same shift");
    const again = await call(server.url, "PATCH", "/api/v1/me", { token: s.token, json: { onDuty: true } });
    assert.deepEqual(again.body.user.shift, shift, "going on duty while on duty keeps the shift running");

    const nudge = await socket.waitFor((f) => f.op === "shift.break-due", 10_000);
    assert.equal(nudge.startedAt, shift.startedAt);
    assert.ok(Date.now() >= Date.parse(shift.breakDueAt), "not before the break is due");
    assert.equal(await server.services.shifts.sweepBreaks(), 0, "a shift is nudged once");
    await barrier(socket);
    assert.equal(socket.frames.filter((f) => f.op === "shift.break-due").length, 1);

    const off = await call(server.url, "PATCH", "/api/v1/me", { token: s.token, json: { onDuty: false } });
    assert.equal(off.body.user.onDuty, false);
    assert.equal(off.body.user.shift, undefined);
    assert.equal((await call(server.url, "GET", "/api/v1/me", { token: s.token })).body.user.shift, undefined);
    socket.close();
  });

  test("a supporter whose badge was revoked is off duty and gets no nudge", async () => {
    const s = await signUp(server.url);
    await grantRole(server.services.db, s.handle, "supporter");
    await call(server.url, "PATCH", "/api/v1/me", { token: s.token, json: { onDuty: true } });
    await revokeRole(server.services.db, s.handle, "supporter");
    const me = await call(server.url, "GET", "/api/v1/me", { token: s.token });
    assert.equal(me.body.user.shift, undefined);
    const refused = await call(server.url, "PATCH", "/api/v1/me", { token: s.token, json: { onDuty: true } });
    assert.equal(refused.status, 403);
  });
});

describe("the default break", () => {
  test("is due two hours into a shift", async () => {
    const server = await startServer();
    try {
      const s = await signUp(server.url);
      await grantRole(server.services.db, s.handle, "supporter");
      const on = await call(server.url, "PATCH", "/api/v1/me", { token: s.token, json: { onDuty: true } });
      assert.equal(Date.parse(on.body.user.shift.breakDueAt) - Date.parse(on.body.user.shift.startedAt), 120 * 60_000);
    } finally {
      await server.close();
    }
  });
});
