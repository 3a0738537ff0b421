/**
 * Crisis lines an administrator can replace (protocol.md "Safety"), and the
 * guide for peers: both readable without a session.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { grantRole } from "../../src/domain/accounts/roles.js";
import { call, signUp } from "../helpers/http.js";
import { type TestServer, startServer } from "../helpers/server.js";
import { TestSocket, sendAndAck } from "../helpers/ws.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

const local = [
  { region: "GB", name: "Riverside Warmline", contact: "Call 0100 000 000, 6pm to midnight", kind: "warmline", note: "Run by our own members." },
  { region: "*", name: "Our peer line", contact: "Ask for a supporter in the app", kind: "peer-support", note: "" },
];

describe("crisis lines", () => {
  test("a fresh instance serves the shipped list without a session, each marked default", async () => {
    const all = await call(server.url, "GET", "/api/v1/resources");
    assert.equal(all.status, 200);
    const resources = all.body.resources as any[];
    assert.ok(resources.length > 0);
    assert.ok(resources.every((r) => r.default === true));
    const has = (region: string, contact: string) => resources.some((r) => r.region === region && r.contact.includes(contact));
    assert.ok(has("US", "988"), "988 for the US");
    assert.ok(has("GB", "116 123") && has("IE", "116 123"), "Samaritans for GB and IE");
    assert.ok(has("ES", "024"), "024 for Spain");
    const gb = await call(server.url, "GET", "/api/v1/resources?region=GB");
    assert.deepEqual([...new Set(gb.body.resources.map((r: any) => r.region))].sort(), ["*", "GB"]);
  });

  test("only administrators replace the list; bad entries are BAD_REQUEST naming the field", async () => {
    const someone = await signUp(server.url);
    const denied = await call(server.url, "PUT", "/api/v1/admin/resources", { token: someone.token, json: { resources: local } });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.code, "FORBIDDEN");
    assert.equal((await call(server.url, "PUT", "/api/v1/admin/resources", { json: { resources: local } })).status, 401);

    const admin = await signUp(server.url);
    await grantRole(server.services.db, admin.handle, "admin");
    const bad = [
      [{ resources: [{ ...local[0], region: "gb" }] }, "resources.0.region"],
      [{ resources: [{ ...local[0], kind: "hotline" }] }, "resources.0.kind"],
      [{ resources: [{ ...local[0], name: "" }] }, "resources.0.name"],
      [{ resources: [{ ...local[0], extra: 1 }] }, "resources.0.extra"],
      [{ resources: [] }, "resources"],
    ] as const;
    for (const [body, field] of bad) {
      const res = await call(server.url, "PUT", "/api/v1/admin/resources", { token: admin.token, json: body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, "BAD_REQUEST");
      assert.equal(res.body.error.details.field, field);
    }
    const still = await call(server.url, "GET", "/api/v1/resources");
    assert.ok(
      still.body.resources.every((r: any) => r.default === true),
      "a refused replacement changes nothing",
    );
  });

  test("a replacement is stored, served to everyone and offered in the next crisis notice", async () => {
    const admin = await signUp(server.url);
    await grantRole(server.services.db, admin.handle, "admin");
    const put = await call(server.url, "PUT", "/api/v1/admin/resources", { token: admin.token, json: { resources: local } });
    assert.equal(put.status, 200);
    assert.deepEqual(
      put.body.resources,
      local.map((r) => ({ ...r, default: false })),
    );
    const rows = await server.services.db.selectFrom("crisis_resources").select("name").orderBy("position").execute();
    assert.deepEqual(
      rows.map((r) => r.name),
      ["Riverside Warmline", "Our peer line"],
      "kept in the database",
    );
    const served = await call(server.url, "GET", "/api/v1/resources");
    assert.deepEqual(
      served.body.resources,
      local.map((r) => ({ ...r, default: false })),
    );

    const [a, b] = [await signUp(server.url), await signUp(server.url)];
    await call(server.url, "PATCH", "/api/v1/me", { token: a.token, json: { region: "US" } });
    const id = await server.services.conversations.createDirect(a.user.id, b.user.id);
    const sa = await TestSocket.open(server.url, { token: a.token });
    await sendAndAck(sa, id, "i want to kill myself", "r-1", "r-1");
    const notice = await sa.waitFor((f) => f.op === "safety");
    assert.deepEqual(
      notice.resources.map((r: any) => r.name),
      ["Our peer line"],
      "the new list, for the author's region (US) and everywhere",
    );
    sa.close();
  });
});

describe("the guide for peers", () => {
  test("English by default and Spanish on request, without a session", async () => {
    const en = await call(server.url, "GET", "/api/v1/guide");
    assert.equal(en.status, 200);
    assert.equal(en.body.guide.language, "en");
    assert.match(en.body.guide.text, /^# When someone is struggling/);
    for (const theme of [/listen/i, /ask in plain words/i, /methods/i, /hope/i, /look after yourself/i]) assert.match(en.body.guide.text, theme);
    const es = await call(server.url, "GET", "/api/v1/guide?lang=es");
    assert.equal(es.body.guide.language, "es");
    assert.match(es.body.guide.text, /^# Cuando alguien/);
    const other = await call(server.url, "GET", "/api/v1/guide?lang=fr");
    assert.equal(other.status, 400);
    assert.equal(other.body.error.details.field, "query.lang");
  });
});
