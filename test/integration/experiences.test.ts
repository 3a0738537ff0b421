/** The experience catalogue and members' tags (protocol.md "Experiences and matching"). */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { grantRole } from "../../src/domain/accounts/roles.js";
import { type TestServer, startServer } from "../helpers/server.js";
import { call, signUp } from "../helpers/http.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

test("a fresh instance offers 25–40 experience tags in plain words, never diagnoses, without a session", async () => {
  const res = await call(server.url, "GET", "/api/v1/experiences");
  assert.equal(res.status, 200);
  const tags = res.body.experiences as Array<{ id: string; label: string; description: string }>;
  assert.ok(tags.length >= 25 && tags.length <= 40, `${tags.length} tags`);
  for (const t of tags) {
    assert.match(t.id, /^[a-z0-9-]+$/);
    assert.ok(t.label.length > 0 && t.description.length > 0);
    assert.doesNotMatch(`${t.label} ${t.description}`, /disorder|schizo|bipolar|psychosis|psychotic|ptsd|adhd|diagnos|patient|illness of the mind/i, t.label);
  }
  for (const expected of [
    "heard-voices",
    "involuntary-hospitalization",
    "disability-income",
    "loss-to-suicide",
    "recovery-alcohol-drugs",
    "caring-for-family",
    "medication-side-effects",
    "homelessness",
    "leaving-abuse",
  ]) {
    assert.ok(
      tags.some((t) => t.id === expected),
      expected,
    );
  }
});

test("members pick tags on their profile; unknown tags are named", async () => {
  const { token } = await signUp(server.url);
  const res = await call(server.url, "PATCH", "/api/v1/me", { token, json: { experiences: ["grief", "heard-voices", "grief"] } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.body.user.experiences.sort(), ["grief", "heard-voices"]);
  const bad = await call(server.url, "PATCH", "/api/v1/me", { token, json: { experiences: ["grief", "not-a-tag"] } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.details.field, "experiences.1");
  assert.deepEqual((await call(server.url, "GET", "/api/v1/me", { token })).body.user.experiences.sort(), ["grief", "heard-voices"], "unchanged");
});

test("administrators add, rename and retire tags; retired tags stay on old profiles but are no longer offered", async () => {
  const admin = await signUp(server.url);
  await grantRole(server.services.db, admin.handle, "admin");
  const member = await signUp(server.url);

  const created = await call(server.url, "POST", "/api/v1/admin/experiences", {
    token: admin.token,
    json: { label: "Long COVID", description: "Living with long COVID." },
  });
  assert.equal(created.status, 201);
  assert.equal(created.body.experience.id, "long-covid");
  assert.equal((await call(server.url, "POST", "/api/v1/admin/experiences", { token: admin.token, json: { label: "Long COVID" } })).status, 409);
  assert.equal((await call(server.url, "PATCH", "/api/v1/me", { token: member.token, json: { experiences: ["long-covid"] } })).status, 200);

  const renamed = await call(server.url, "PATCH", "/api/v1/admin/experiences/long-covid", { token: admin.token, json: { label: "Long COVID and fatigue" } });
  assert.equal(renamed.body.experience.label, "Long COVID and fatigue");
  assert.equal(
    (await call(server.url, "PATCH", "/api/v1/admin/experiences/long-covid", { token: admin.token, json: { retired: true } })).body.experience.retired,
    true,
  );

  const offered = (await call(server.url, "GET", "/api/v1/experiences")).body.experiences;
  assert.ok(!offered.some((t: any) => t.id === "long-covid"), "retired tags are not offered");
  const me = await call(server.url, "GET", "/api/v1/me", { token: member.token });
  assert.deepEqual(me.body.user.experiences, ["long-covid"], "but stay on the profiles that have them");
  assert.equal(
    (await call(server.url, "PATCH", "/api/v1/me", { token: member.token, json: { experiences: ["long-covid", "grief"] } })).status,
    200,
    "keeping it is fine",
  );
  const newcomer = await signUp(server.url);
  const refused = await call(server.url, "PATCH", "/api/v1/me", { token: newcomer.token, json: { experiences: ["long-covid"] } });
  assert.equal(refused.status, 400, "choosing it anew is not");
  const all = await call(server.url, "GET", "/api/v1/admin/experiences", { token: admin.token });
  assert.ok(all.body.experiences.some((t: any) => t.id === "long-covid" && t.retired));
});

test("only administrators change the catalogue", async () => {
  const { token } = await signUp(server.url);
  assert.equal((await call(server.url, "POST", "/api/v1/admin/experiences", { token, json: { label: "Anything" } })).status, 403);
  assert.equal((await call(server.url, "PATCH", "/api/v1/admin/experiences/grief", { token, json: { retired: true } })).status, 403);
  assert.equal((await call(server.url, "GET", "/api/v1/admin/experiences")).status, 401);
});
