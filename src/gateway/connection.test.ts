/**
 * A socket's meeting of replay and live (delivery-notes.md "race between replay
 * and live"), on a real WebSocket pair over loopback: events that arrive while a
 * replay reads the store wait in the buffer and follow the replay, each once and
 * in order, and an event hidden from this member still moves its cursor.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { test } from "node:test";
import { WebSocket, WebSocketServer } from "ws";
import { Connection, type Offered } from "./connection.js";

async function socketPair(): Promise<{ connection: Connection; received: string[]; close: () => Promise<void> }> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const accepted = new Promise<{ ws: WebSocket; socket: Duplex }>((resolve) =>
    server.once("connection", (ws, request) => resolve({ ws, socket: request.socket })),
  );
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on("message", (data) => received.push(data.toString()));
  await new Promise<void>((resolve) => client.once("open", () => resolve()));
  const { ws, socket } = await accepted;
  const connection = new Connection("c1", "me", "s1", "127.0.0.1", ws, socket, 1 << 20);
  return {
    connection,
    received,
    close: async () => {
      client.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const item = (seq: number, hiddenFrom: string[] = []): Offered => ({ seq, frame: `e${seq}`, hiddenFrom });

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
}

test("live events buffered during a replay follow it, each once and in order", async () => {
  const { connection, received, close } = await socketPair();
  connection.follows.set("conv", { lastSeq: undefined, buffer: [], generation: 1 });
  // While the replay reads seqs 4..6 from the store, 6 (again), 7 and 8 arrive live.
  connection.offer("conv", item(6));
  connection.offer("conv", item(7));
  connection.offer("conv", item(8));
  assert.deepEqual(received, [], "nothing goes out while the replay runs");
  assert.equal(connection.settle("conv", 1, [item(4), item(5), item(6)], 6), true);
  connection.offer("conv", item(9));
  await until(() => received.length >= 6);
  assert.deepEqual(received, ["e4", "e5", "e6", "e7", "e8", "e9"]);
  await close();
});

test("a superseded replay cannot settle, and hidden events advance the cursor without being sent", async () => {
  const { connection, received, close } = await socketPair();
  connection.follows.set("conv", { lastSeq: undefined, buffer: [], generation: 2 });
  assert.equal(connection.settle("conv", 1, [item(1)], 1), false, "generation 1 was replaced by 2");
  connection.offer("conv", item(2, ["me"]));
  assert.equal(connection.settle("conv", 2, [item(1)], 1), true);
  connection.offer("conv", item(2, ["me"]));
  connection.offer("conv", item(3));
  await until(() => received.length >= 2);
  assert.deepEqual(received, ["e1", "e3"]);
  assert.equal(connection.follows.get("conv")?.lastSeq, 3);
  await close();
});
