/**
 * Handles client frames (protocol.md "WebSocket" table). Each problem becomes
 * an `error` frame with a stable code, carrying the frame's `ref` when it had
 * one, and the socket stays open. Frames are handled one at a time per socket
 * up to the moment a send is queued for commit, so a socket's sends are stored
 * in the order it sent them, while the wait for the commit overlaps the next frame.
 */
import secureJson from "secure-json-parse";
import type { Conversations } from "../domain/conversations/conversations.js";
import type { Blocks } from "../domain/safety/blocks.js";
import type { Messages } from "../domain/conversations/messages.js";
import { KindredError } from "../protocol/errors.js";
import { parseInput } from "../protocol/validate.js";
import { type ClientFrame, type Ref, clientFrame } from "../protocol/ws/frames.js";
import type { RateLimits } from "../http/rate-limits.js";
import type { Connection } from "./connection.js";
import type { Hub } from "./hub.js";
import { ackTimer, frameIn } from "../observability/live-metrics.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const typingIntervalMs = 3_000;

export interface FrameContext {
  hub: Hub;
  conversations: Conversations;
  messages: Messages;
  blocks: Blocks;
  limits: RateLimits;
  onUnexpected: (err: unknown) => void;
}

export function errorFrame(error: KindredError, ref?: Ref): string {
  return JSON.stringify(ref === undefined ? { op: "error", error: error.toBody() } : { op: "error", ref, error: error.toBody() });
}

/** Parses raw bytes into a frame, or throws BAD_REQUEST (with whatever `ref` could be read). */
export function parseFrame(data: Buffer, isBinary: boolean): ClientFrame {
  if (isBinary) throw new KindredError("BAD_REQUEST", { message: "frame: send JSON text frames", details: { field: "frame" } });
  let value: unknown;
  try {
    value = secureJson.parse(utf8.decode(data), undefined, { protoAction: "error", constructorAction: "error" });
  } catch {
    throw new KindredError("BAD_REQUEST", { message: "frame: not valid UTF-8 JSON", details: { field: "frame" } });
  }
  return parseInput(clientFrame, value);
}

function refOf(data: Buffer): Ref | undefined {
  try {
    const value = JSON.parse(data.toString("utf8")) as { ref?: unknown };
    const ref = value?.ref;
    if (typeof ref === "string" && ref.length <= 64) return ref;
    if (typeof ref === "number" && Number.isSafeInteger(ref)) return ref;
  } catch {
    // no ref to echo
  }
  return undefined;
}

/** Queues a raw frame behind the socket's earlier frames. */
export function receive(ctx: FrameContext, connection: Connection, data: Buffer, isBinary: boolean): void {
  connection.lastSeenAt = Date.now();
  connection.inbound = connection.inbound.then(() => handle(ctx, connection, data, isBinary));
}

async function handle(ctx: FrameContext, connection: Connection, data: Buffer, isBinary: boolean): Promise<void> {
  if (connection.state !== "open") return;
  let frame: ClientFrame;
  try {
    frame = parseFrame(data, isBinary);
  } catch (err) {
    frameIn("invalid");
    connection.send(errorFrame(asKindred(err, ctx), isBinary ? undefined : refOf(data)));
    return;
  }
  frameIn(frame.op);
  const ref = frame.op === "send" ? frame.ref : undefined;
  try {
    await dispatch(ctx, connection, frame);
  } catch (err) {
    connection.send(errorFrame(asKindred(err, ctx), ref));
  }
}

function asKindred(err: unknown, ctx: FrameContext): KindredError {
  if (err instanceof KindredError) return err;
  ctx.onUnexpected(err);
  return new KindredError("INTERNAL");
}

async function dispatch(ctx: FrameContext, connection: Connection, frame: ClientFrame): Promise<void> {
  switch (frame.op) {
    case "ping":
      connection.send(JSON.stringify(frame.t === undefined ? { op: "pong" } : { op: "pong", t: frame.t }));
      return;
    case "send":
      return send(ctx, connection, frame);
    case "read":
      await ctx.conversations.markRead(connection.userId, frame.conversationId, frame.seq);
      return;
    case "typing":
      return typing(ctx, connection, frame.conversationId);
    case "resume":
      return resume(ctx, connection, frame.since);
  }
}

/**
 * `send` → `ack` after COMMIT, then the event to everyone (sender included).
 * A repeated clientMsgId is acked with this frame's ref and the original id and seq.
 */
async function send(ctx: FrameContext, connection: Connection, frame: Extract<ClientFrame, { op: "send" }>): Promise<void> {
  const acked = ackTimer();
  await ctx.limits.consume(["sendPerMember", connection.userId]);
  const ack = (messageId: string, seq: number) => connection.send(JSON.stringify({ op: "ack", ref: frame.ref, messageId, seq }));
  try {
    const known = { member: connection.follows.has(frame.conversationId), noBlocks: connection.blocks.apart.size === 0 };
    await ctx.messages.checkSend(connection.userId, frame.conversationId, known);
  } catch (err) {
    const original = await ctx.messages.findOriginal(connection.userId, frame.clientMsgId);
    if (!original) throw err;
    ack(original.messageId, original.seq);
    return;
  }
  ctx.hub.typingStopped(connection.userId, frame.conversationId);
  const input = { conversationId: frame.conversationId, clientMsgId: frame.clientMsgId, body: frame.body, contentWarning: frame.contentWarning };
  // Not awaited: the next frame is handled while this one waits for its commit.
  ctx.messages
    .doSend(connection.userId, input, (stored) => (acked(), ack(stored.messageId, stored.seq)))
    .catch((err: unknown) => connection.send(errorFrame(asKindred(err, ctx), frame.ref)));
}

/** `typing` → others see it for 6 s; more often than every 3 s per socket is ignored. */
function typing(ctx: FrameContext, connection: Connection, conversationId: string): void {
  if (!connection.follows.has(conversationId)) throw new KindredError("NOT_FOUND");
  const now = Date.now();
  if (now - (connection.typingAt.get(conversationId) ?? 0) < typingIntervalMs) return;
  connection.typingAt.set(conversationId, now);
  ctx.hub.typingStarted(connection.userId, conversationId, now);
}

/**
 * `resume` → for each named conversation, every missed event in order (or a
 * `gap` past 500), then `synced`. Conversations not named: nothing old.
 */
async function resume(ctx: FrameContext, connection: Connection, since: Record<string, number>): Promise<void> {
  const followed = new Map((await ctx.conversations.followed(connection.userId)).map((f) => [f.conversationId, f]));
  const replays: Promise<void>[] = [];
  for (const [conversationId, lastSeen] of Object.entries(since)) {
    const membership = followed.get(conversationId);
    if (!membership) {
      connection.send(errorFrame(new KindredError("NOT_FOUND", { details: { conversationId } })));
      continue;
    }
    const generation = ctx.hub.register(connection, conversationId);
    replays.push(ctx.hub.replay(connection, conversationId, generation, lastSeen, membership.joinedSeq));
  }
  await Promise.all(replays);
  connection.send(JSON.stringify({ op: "synced" }));
}
