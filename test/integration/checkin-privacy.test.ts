/**
 * Check-in answers live only in the check-in row (docs/matching.md "The
 * one-to-one itself"): the append-only event log says who changed which
 * answers, never the text, so an answer a member clears is gone from the
 * store, down to the bytes of the SQLite files.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { call, signUp } from "../helpers/http.js";
import { removeDataDir, startServer, tempDataDir } from "../helpers/server.js";
import { TestSocket } from "../helpers/ws.js";

test("a cleared check-in answer is nowhere in the events, nor in the SQLite files after a checkpoint", async () => {
  const dataDir = tempDataDir();
  const secret = `rather not talk about my sister ${Date.now()}`;
  try {
    const server = await startServer({ dataDir });
    try {
      const a = await signUp(server.url);
      const b = await signUp(server.url);
      const conversationId = await server.services.conversations.createDirect(a.user.id, b.user.id);
      const sb = await TestSocket.open(server.url, { token: b.token });

      const set = await call(server.url, "PUT", `/api/v1/conversations/${conversationId}/checkin`, {
        token: a.token,
        json: { avoidTopics: secret, timeAvailable: "an hour" },
      });
      assert.equal(set.status, 200);
      assert.equal(set.body.checkin.avoidTopics, secret);
      const told = await sb.waitFor((f) => f.op === "event" && f.event.type === "checkin.updated");
      assert.deepEqual(told.event.data, { userId: a.user.id, fields: ["timeAvailable", "avoidTopics"] }, "the event names fields, not text");
      // The other member reads the answer from the conversation view.
      const seenByB = (await call(server.url, "GET", `/api/v1/conversations/${conversationId}`, { token: b.token })).body.conversation;
      assert.equal(seenByB.checkins.find((c: any) => c.userId === a.user.id).avoidTopics, secret);

      const cleared = await call(server.url, "PUT", `/api/v1/conversations/${conversationId}/checkin`, { token: a.token, json: { avoidTopics: null } });
      assert.equal(cleared.status, 200);
      assert.equal(cleared.body.checkin.avoidTopics, null);
      assert.equal(cleared.body.checkin.timeAvailable, "an hour", "answers left out stay");

      const events = await server.services.db.selectFrom("events").select(["type", "data"]).where("conversation_id", "=", conversationId).execute();
      assert.ok(events.filter((e) => e.type === "checkin.updated").length === 2);
      for (const e of events) assert.ok(!(e.data ?? "").includes(secret), `${e.type} holds the cleared text`);
      const history = await call(server.url, "GET", `/api/v1/conversations/${conversationId}/events?afterSeq=0`, { token: b.token });
      assert.ok(!history.text.includes(secret), "history does not carry the text");
      sb.close();
    } finally {
      // Closing the store checkpoints the write-ahead log into the database file.
      await server.close();
    }
    const needle = Buffer.from(secret);
    for (const name of readdirSync(dataDir)) {
      assert.equal(readFileSync(join(dataDir, name)).indexOf(needle), -1, `the cleared text is still in ${name}`);
    }
  } finally {
    removeDataDir(dataDir);
  }
});
