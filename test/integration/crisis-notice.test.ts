/**
 * The consent-only crisis check (protocol.md "WebSocket", the `safety` frame;
 * docs/safety-policy.md): crisis language brings private options to its
 * author alone, right after the ack; the others see nothing of it; and the
 * store keeps nothing about it but one more in the day's count.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { utcDay } from "../../src/domain/safety/daily-count.js";
import { call, signUp } from "../helpers/http.js";
import { type TestServer, startServer } from "../helpers/server.js";
import { barrier } from "../helpers/supporters.js";
import { TestSocket, sendAndAck } from "../helpers/ws.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

async function group(owner: { token: string }, members: Array<{ token: string }>): Promise<string> {
  const created = await call(server.url, "POST", "/api/v1/conversations", {
    token: owner.token,
    json: { kind: "group", title: "Tuesday circle", visibility: "public" },
  });
  const id = created.body.conversation.id as string;
  for (const m of members) assert.equal((await call(server.url, "POST", `/api/v1/conversations/${id}/members`, { token: m.token, json: {} })).status, 200);
  return id;
}

/** Every row of every table, as text, by table (SQLite: the test server's own file). */
async function everyRow(): Promise<Map<string, string[]>> {
  const db = server.services.db;
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  const out = new Map<string, string[]>();
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    out.set(
      name,
      rows.rows.map((r) => JSON.stringify(r)),
    );
  }
  return out;
}

function tablesHolding(rows: Map<string, string[]>, needle: string): string[] {
  return [...rows]
    .filter(([, texts]) => texts.some((t) => t.includes(needle)))
    .map(([name]) => name)
    .sort();
}

async function dailyCounts(): Promise<Array<{ day: string; count: number }>> {
  const rows = await server.services.db.selectFrom("safety_daily_counts").selectAll().execute();
  return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
}

describe("the crisis notice", () => {
  test("in a group of three, only the author gets it, right after the ack; the store keeps only the day's count", async () => {
    const [a, b, c] = [await signUp(server.url), await signUp(server.url), await signUp(server.url)];
    assert.equal((await call(server.url, "PATCH", "/api/v1/me", { token: a.token, json: { region: "GB" } })).status, 200);
    const id = await group(a, [b, c]);
    const [sa, sb, sc] = await Promise.all([a, b, c].map((m) => TestSocket.open(server.url, { token: m.token })));
    const countsBefore = await dailyCounts();
    const logsFrom = server.logs.length;

    const words = "honestly I want to die, I can't see the point of anything";
    const ack = await sendAndAck(sa!, id, words, "crisis-1", 7);
    assert.equal(ack.op, "ack");
    const notice = sa!.frames[sa!.frames.indexOf(ack) + 1] ?? (await sa!.waitFor((f) => f.op === "safety"));
    assert.equal(notice.op, "safety", "the very next frame after the ack is the notice");
    assert.equal(sa!.frames.indexOf(notice), sa!.frames.indexOf(ack) + 1, "nothing comes between the ack and the notice");
    assert.equal(notice.ref, 7);
    assert.equal(notice.conversationId, id);
    assert.equal(notice.kind, "crisis-support");
    assert.deepEqual(notice.actions, ["talk-to-supporter", "dismiss"]);
    const regions = new Set(notice.resources.map((r: any) => r.region));
    assert.deepEqual([...regions].sort(), ["*", "GB"], "the author's region and everywhere, no other region");
    assert.ok(
      notice.resources.some((r: any) => r.contact.includes("116 123")),
      "Samaritans for GB",
    );
    assert.ok(
      notice.resources.every((r: any) => r.default === true),
      "the shipped list, marked as such",
    );
    assert.equal(notice.resources[0].kind, "crisis-line", "lines to talk to come first");

    for (const other of [sb!, sc!]) {
      await other.waitFor((f) => f.op === "event" && f.event.seq === ack.seq);
      await barrier(other);
      assert.equal(other.frames.filter((f) => f.op === "safety").length, 0, "the others see nothing of it");
      const theirEvent = other.events(id).find((e) => e.seq === ack.seq)!;
      assert.deepEqual(Object.keys(theirEvent.data).sort(), ["body", "clientMsgId", "messageId"], "the event carries no mark of the check");
    }

    // An ordinary message brings no notice; its ack also means the count (queued earlier) is committed.
    const plain = await sendAndAck(sa!, id, "thanks for being here, all of you", "plain-1", 8);
    await barrier(sa!);
    assert.equal(sa!.frames.filter((f) => f.op === "safety").length, 1, "only the crisis message brought a notice");
    assert.equal(sa!.frames.filter((f) => f.op === "safety" && f.ref === 8).length, 0);
    assert.ok(plain.seq > ack.seq);

    const today = utcDay(Date.now());
    const before = countsBefore.find((r) => r.day === today)?.count ?? 0;
    assert.deepEqual(await dailyCounts(), [{ day: today, count: before + 1 }], "one more in today's count, nothing else in the table");

    const rows = await everyRow();
    const message = await server.services.db
      .selectFrom("messages")
      .select(["id", "body"])
      .where("conversation_id", "=", id)
      .where("seq", "=", ack.seq)
      .executeTakeFirstOrThrow();
    assert.equal(message.body, words, "the message itself is kept as any message is");
    assert.deepEqual(tablesHolding(rows, "want to die"), ["messages"], "the words are in the message row and nowhere else (not in event data)");
    assert.deepEqual(tablesHolding(rows, message.id), ["events", "messages"], "nothing else refers to the message");
    for (const marker of ["crisis-support", "talk-to-supporter", "116 123"]) {
      assert.deepEqual(
        tablesHolding(rows, marker).filter((t) => t !== "messages"),
        [],
        `nothing stored mentions ${marker}`,
      );
    }
    const safetyRows = rows.get("safety_daily_counts")!.join("\n");
    for (const identifying of [a.user.id, id, message.id, words])
      assert.ok(!safetyRows.includes(identifying), "the count holds no member, conversation or text");
    const logged = server.logs.slice(logsFrom).join("\n");
    for (const word of ["crisis", "safety", "want to die"]) assert.ok(!logged.includes(word), `nothing is logged about it (${word})`);
    for (const s of [sa, sb, sc]) s!.close();
  });

  test("an author with no region is offered every line; a repeat of the same send is not counted again", async () => {
    const [a, b] = [await signUp(server.url), await signUp(server.url)];
    const id = await server.services.conversations.createDirect(a.user.id, b.user.id);
    const sa = await TestSocket.open(server.url, { token: a.token });
    const ack = await sendAndAck(sa, id, "I keep thinking I should end my life", "nr-1", "r1");
    const notice = await sa.waitFor((f) => f.op === "safety" && f.ref === "r1");
    const regions = new Set(notice.resources.map((r: any) => r.region));
    for (const region of ["*", "US", "GB", "IE", "ES"]) assert.ok(regions.has(region), `lines for ${region} are offered when the region is unknown`);

    const today = utcDay(Date.now());
    await sendAndAck(sa, id, "ok", "nr-2");
    const counted = (await dailyCounts()).find((r) => r.day === today)!.count;
    const again = await sendAndAck(sa, id, "I keep thinking I should end my life", "nr-1", "r2");
    assert.equal(again.seq, ack.seq, "the original ack");
    await sendAndAck(sa, id, "ok again", "nr-3");
    await barrier(sa);
    assert.equal(sa.frames.filter((f) => f.op === "safety").length, 1, "no second notice for a repeat");
    assert.equal((await dailyCounts()).find((r) => r.day === today)!.count, counted, "and no second count");
    sa.close();
  });

  test("over REST the options ride on the author's own answer, and on no one else's", async () => {
    const [a, b] = [await signUp(server.url), await signUp(server.url)];
    await call(server.url, "PATCH", "/api/v1/me", { token: a.token, json: { region: "US" } });
    const id = await server.services.conversations.createDirect(a.user.id, b.user.id);
    const sb = await TestSocket.open(server.url, { token: b.token });
    const send = (token: string, clientMsgId: string, body: string) =>
      call(server.url, "POST", `/api/v1/conversations/${id}/messages`, { token, json: { clientMsgId, body } });
    const sent = await send(a.token, "rest-1", "I don't want to be alive anymore");
    assert.equal(sent.status, 201);
    assert.equal(sent.body.safety.kind, "crisis-support");
    assert.equal(sent.body.safety.conversationId, id);
    assert.ok(
      sent.body.safety.resources.some((r: any) => r.contact.includes("988")),
      "988 for the US",
    );
    assert.deepEqual(sent.body.safety.actions, ["talk-to-supporter", "dismiss"]);
    assert.equal((await send(a.token, "rest-1", "I don't want to be alive anymore")).body.safety, undefined, "a repeat is not checked again");
    assert.equal((await send(a.token, "rest-2", "see you tomorrow")).body.safety, undefined);
    await sb.waitFor((f) => f.op === "event" && f.event.seq === sent.body.message.seq);
    await barrier(sb);
    assert.equal(sb.frames.filter((f) => f.op === "safety").length, 0, "the other side hears nothing of it");
    sb.close();
  });
});
