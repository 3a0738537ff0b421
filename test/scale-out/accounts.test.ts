/**
 * Accounts on PostgreSQL + Redis, with two nodes sharing one database and one
 * Redis, as an operator scales out (engineering.md "Shape of the system").
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestServer, startServer } from "../helpers/server.js";
import { call, signUp, uniqueHandle } from "../helpers/http.js";
import { type TestDatabase, freshDatabase, scaleOutUrls, skipScaleOut } from "../helpers/postgres.js";

describe("accounts on PostgreSQL + Redis, two nodes", { skip: skipScaleOut }, () => {
  let database: TestDatabase;
  let nodeA: TestServer;
  let nodeB: TestServer;

  before(async () => {
    database = await freshDatabase(scaleOutUrls!.databaseUrl);
    nodeA = await startServer({ databaseUrl: database.url, redisUrl: scaleOutUrls!.redisUrl });
    nodeB = await startServer({ databaseUrl: database.url, redisUrl: scaleOutUrls!.redisUrl });
  });
  after(async () => {
    await nodeA?.close();
    await nodeB?.close();
    await database?.drop();
  });

  test("both nodes are ready", async () => {
    for (const node of [nodeA, nodeB]) assert.equal((await call(node.url, "GET", "/readyz")).status, 200);
  });

  test("a member signed up on one node signs in and is known on the other", async () => {
    const { handle, password, token, user } = await signUp(nodeA.url);
    assert.equal((await call(nodeB.url, "GET", "/api/v1/me", { token })).body.user.id, user.id);
    const signIn = await call(nodeB.url, "POST", "/api/v1/sessions", { json: { handle: handle.toUpperCase(), password } });
    assert.equal(signIn.status, 200);
    assert.equal((await call(nodeA.url, "DELETE", "/api/v1/sessions/current", { token: signIn.body.token })).status, 204);
    assert.equal((await call(nodeB.url, "GET", "/api/v1/me", { token: signIn.body.token })).status, 401);
  });

  test("a handle raced on two nodes: exactly one wins", async () => {
    const handle = uniqueHandle("pgRace");
    const body = (h: string) => ({ json: { handle: h, password: "quiet river morning 42", birthDate: "1990-05-05", acceptAgreement: true } });
    const answers = await Promise.all([
      call(nodeA.url, "POST", "/api/v1/accounts", body(handle)),
      call(nodeB.url, "POST", "/api/v1/accounts", body(handle.toUpperCase())),
      call(nodeA.url, "POST", "/api/v1/accounts", body(handle.toLowerCase())),
    ]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409]);
  });

  test("a recovery code raced on two nodes works once", async () => {
    const { handle, recoveryCodes } = await signUp(nodeA.url);
    const json = { handle, recoveryCode: recoveryCodes[0], newPassword: "another quiet morning" };
    const answers = await Promise.all([
      call(nodeA.url, "POST", "/api/v1/accounts/recover", { json }),
      call(nodeB.url, "POST", "/api/v1/accounts/recover", { json }),
    ]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 401]);
  });

  test("sign-in limits are shared between nodes through Redis", async () => {
    const strictDatabase = await freshDatabase(scaleOutUrls!.databaseUrl);
    const shared = {
      databaseUrl: strictDatabase.url,
      redisUrl: scaleOutUrls!.redisUrl,
      rateLimitMultiplier: "1",
      redisKeyPrefix: `kindred-test:${Date.now()}:`,
    };
    const a = await startServer(shared);
    const b = await startServer(shared);
    try {
      const { handle } = await signUp(a.url);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const node = i % 2 === 0 ? a : b;
        statuses.push((await call(node.url, "POST", "/api/v1/sessions", { json: { handle, password: `wrong guess ${i}` } })).status);
      }
      assert.equal(statuses.filter((s) => s === 401).length, 10, statuses.join(","));
      assert.equal(statuses.filter((s) => s === 429).length, 2, statuses.join(","));
    } finally {
      await a.close();
      await b.close();
      await strictDatabase.drop();
    }
  });

  test("/readyz is 503 while Redis cannot be reached", async () => {
    const lonely = await startServer({ databaseUrl: database.url, redisUrl: "redis://127.0.0.1:1" });
    try {
      const res = await call(lonely.url, "GET", "/readyz");
      assert.equal(res.status, 503);
      assert.equal((await call(lonely.url, "GET", "/healthz")).status, 200);
    } finally {
      await lonely.close();
    }
  });
});
