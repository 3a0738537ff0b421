/**
 * Thousands of random and malformed frames (property-based, fast-check): the
 * server never crashes, never stores anything from them, keeps the socket open,
 * and still answers a valid send.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { type TestServer, startServer } from "../helpers/server.js";
import { signUp } from "../helpers/http.js";
import { TestSocket, sendAndAck } from "../helpers/ws.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

/** A frame that must be refused: random bytes, random JSON, or a send with one thing wrong. */
function badFrames(conversationId: string): fc.Arbitrary<{ data: string | Uint8Array; binary: boolean }> {
  const text = (arb: fc.Arbitrary<string>) => arb.map((data) => ({ data, binary: false }));
  const validSend = { op: "send", ref: 1, conversationId, clientMsgId: "abuse", body: "hello" };
  const brokenSend = fc
    .oneof(
      fc.constantFrom("op", "ref", "conversationId", "clientMsgId", "body").map((k) => {
        const { [k as keyof typeof validSend]: _drop, ...rest } = validSend;
        return rest as Record<string, unknown>;
      }),
      fc
        .record({
          key: fc.constantFrom("ref", "conversationId", "clientMsgId", "body", "contentWarning"),
          value: fc.oneof(fc.double({ noInteger: true }), fc.boolean(), fc.constant(null), fc.object(), fc.array(fc.string())),
        })
        .map(({ key, value }) => ({ ...validSend, [key]: value })),
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((k) => !(k in validSend) && k !== "contentWarning")
        .map((k) => ({ ...validSend, [k]: 1 })),
      fc.constantFrom("", "   ", "\n\t").map((body) => ({ ...validSend, body })),
      fc.constant({ ...validSend, body: "x".repeat(4001) }),
      fc.constant({ ...validSend, ref: "r".repeat(65) }),
      fc.constant({ ...validSend, clientMsgId: "" }),
      fc.constant({ ...validSend, ref: 2 ** 60 }),
    )
    .map((frame) => JSON.stringify(frame));
  return fc.oneof(
    text(fc.string({ maxLength: 200 })),
    text(fc.json({ maxDepth: 4 })),
    text(brokenSend),
    text(
      fc.constantFrom(
        '{"op":"send","__proto__":{"body":"x"}}',
        '{"constructor":{"prototype":{"op":"ping"}}}',
        '{"op":"ping","t":1e400}',
        '{"op":"read","conversationId":"x","seq":1e308}',
        '{"op":"resume","since":{"__proto__":5}}',
        "[]",
        "null",
        '{"op":null}',
      ),
    ),
    fc
      .record(
        {
          op: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom("send", "read", "typing", "resume", "ping", "hello", "ack")),
          conversationId: fc.string({ maxLength: 70 }),
          seq: fc.oneof(fc.integer(), fc.double(), fc.string()),
          since: fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.double(), fc.constant(-1))),
        },
        { requiredKeys: ["op"] },
      )
      .map((f) => ({ data: JSON.stringify(f), binary: false })),
    fc.uint8Array({ minLength: 1, maxLength: 300 }).map((data) => ({ data, binary: false })),
    fc.uint8Array({ minLength: 1, maxLength: 300 }).map((data) => ({ data, binary: true })),
  );
}

test("random and malformed frames never crash the server or store anything", async () => {
  const a = await signUp(server.url);
  const b = await signUp(server.url);
  const conversationId = await server.services.conversations.createDirect(a.user.id, b.user.id);
  const socket = await TestSocket.open(server.url, { token: a.token });
  let round = 0;
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(badFrames(conversationId), { minLength: 5, maxLength: 60 }), async (frames) => {
      round += 1;
      for (const frame of frames) socket.sendRaw(Buffer.from(frame.data), frame.binary);
      sent += frames.length;
      // Frames are handled in order, so the pong says every frame before it was handled.
      const from = socket.frames.length;
      socket.send({ op: "ping", t: `round-${round}` });
      await socket.waitFor((f) => f.op === "pong" && f.t === `round-${round}`, 10_000, from);
      assert.equal(socket.closed, undefined, "the socket stays open");
    }),
    { numRuns: 300, seed: 20261130 },
  );
  assert.ok(sent >= 2000, `${sent} frames sent`);
  const stored = await server.services.db.selectFrom("messages").select("id").where("sender_id", "=", a.user.id).execute();
  assert.equal(stored.length, 0, "nothing from the bad frames was stored");
  const events = await server.services.db.selectFrom("events").select("seq").where("conversation_id", "=", conversationId).execute();
  assert.equal(events.length, 2, "only the two member.joined events");
  const ack = await sendAndAck(socket, conversationId, "still here", "valid-after-abuse");
  assert.equal(ack.op, "ack");
  assert.equal(ack.seq, 3);
  assert.equal(socket.frames.filter((f) => f.op === "error" && f.error.code === "INTERNAL").length, 0, "no internal errors");
  socket.close();
});
