/**
 * Handles client frames (protocol.md "WebSocket" table). Each problem becomes
 * an `error` frame with a stable code, carrying the frame's `ref` when one could
 * be read, and the socket stays open. Frames are handled one at a time per
 * socket up to the moment a send is queued for commit, so a socket's sends are
 * stored in the order it sent them, while the wait for the commit overlaps the
 * next frame. Whether a frame may reach anyone is decided by the domain, from
 * the store (policy.ts); nothing here answers "yes" from memory.
 */
import secureJson from "secure-json-parse";
import type { Conversations } from "../domain/conversations/conversations.js";
import type { DeliveryReader } from "../domain/conversations/delivery.js";
import type { Messages } from "../domain/conversations/messages.js";
import type { RateLimits } from "../domain/limits/rate-limits.js";
import { KindredError } from "../protocol/errors.js";
import { parseInput } from "../protocol/validate.js";
import { type ClientFrame, type Ref, clientFrame } from "../protocol/ws/client-frames.js";
import { encodeFrame } from "../protocol/ws/server-frames.js";
import type { Connection } from "./connection.js";
import type { Hub } from "./hub.js";
import { ackTimer, frameIn } from "../observability/live-metrics.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });
export const typingIntervalMs = 3_000;

export interface FrameContext {
  hub: Hub;
  reader: DeliveryReader;
  conversations: Conversations;
  messages: Messages;
  limits: RateLimits;
  onUnexpected: (err: unknown) => void;
}

export function errorFrame(error: KindredError, ref?: Ref): string {
  return encodeFrame(ref === undefined ? { op: "error", error: error.toBody() } : { op: "error", ref, error: error.toBody() });
}

/** Parses raw bytes into a frame, or throws BAD_REQUEST. */
export function parseFrame(data: Buffer, isBinary: boolean): ClientFrame {
  if (isBinary)
    throw new KindredError("BAD_REQUEST", { message: "frame: send JSON text frames", details: { field: "frame", problem: "send JSON text frames" } });
  let value: unknown;
  try {
    value = secureJson.parse(utf8.decode(data), undefined, { protoAction: "error", constructorAction: "error" });
  } catch {
    throw new KindredError("BAD_REQUEST", { message: "frame: not valid UTF-8 JSON", details: { field: "frame", problem: "not valid UTF-8 JSON" } });
  }
  return parseInput(clientFrame, value, "", "frame");
}

/** The `ref` of a frame that failed to parse, when one can be read, so its error can still be matched. */
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
  try {
    await dispatch(ctx, connection, frame);
  } catch (err) {
    connection.send(errorFrame(asKindred(err, ctx), frame.ref));
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
      connection.send(encodeFrame(frame.t === undefined ? { op: "pong" } : { op: "pong", t: frame.t }));
      return;
    case "send":
      return send(ctx, connection, frame);
    case "read":
      return ctx.conversations.markRead(connection.userId, frame.conversationId, frame.seq);
    case "typing":
      return typing(ctx, connection, frame.conversationId);
    case "resume":
      return resume(ctx, connection, frame.since, frame.ref);
    default:
      return assertNever(frame);
  }
}

function assertNever(frame: never): never {
  throw new Error(`unhandled frame ${JSON.stringify(frame)}`);
}

/**
 * `send` → `ack` after COMMIT (then any notice for the sender alone, such as
 * `safety`), then the event to everyone allowed to see it, sender included.
 * A repeated clientMsgId is acked with this frame's ref and the original id and seq.
 */
async function send(ctx: FrameContext, connection: Connection, frame: Extract<ClientFrame, { op: "send" }>): Promise<void> {
  const acked = ackTimer();
  await ctx.limits.consume(["sendPerMember", connection.userId]);
  const input = { conversationId: frame.conversationId, clientMsgId: frame.clientMsgId, body: frame.body, contentWarning: frame.contentWarning };
  // Not awaited: the next frame is handled while this one waits for its commit.
  ctx.messages
    .send(connection.userId, input, (stored, notices) => {
      acked();
      connection.send(encodeFrame({ op: "ack", ref: frame.ref, messageId: stored.messageId, seq: stored.seq }));
      for (const notice of notices) connection.send(encodeFrame({ op: "safety", ref: frame.ref, ...notice }));
      if (!stored.duplicate) ctx.hub.typingStopped(connection.userId, frame.conversationId);
    })
    .catch((err: unknown) => connection.send(errorFrame(asKindred(err, ctx), frame.ref)));
}

/**
 * `typing` → others see it for 6 s; more often than every 3 s per socket is
 * ignored. Membership and blocks are read from the store each time.
 */
async function typing(ctx: FrameContext, connection: Connection, conversationId: string): Promise<void> {
  const now = Date.now();
  if (now - (connection.typingAt.get(conversationId) ?? 0) < typingIntervalMs) return;
  const reach = await ctx.reader.signalReach(connection.userId, conversationId);
  connection.typingAt.set(conversationId, now);
  ctx.hub.typingStarted(connection.userId, conversationId, reach.apart, now);
}

/**
 * `resume` → for each named conversation, every missed event in order (or a
 * `gap` past 500), then `synced`. Conversations not named: nothing old.
 */
async function resume(ctx: FrameContext, connection: Connection, since: Record<string, number>, ref: Ref | undefined): Promise<void> {
  const followed = new Map((await ctx.conversations.followed(connection.userId)).map((f) => [f.conversationId, f]));
  const replays: Promise<void>[] = [];
  for (const [conversationId, lastSeen] of Object.entries(since)) {
    const membership = followed.get(conversationId);
    if (!membership) {
      connection.send(errorFrame(new KindredError("NOT_FOUND", { details: { conversationId } }), ref));
      continue;
    }
    const generation = ctx.hub.register(connection, conversationId);
    replays.push(ctx.hub.replay(connection, conversationId, generation, lastSeen, membership.joinedSeq));
  }
  await Promise.all(replays);
  connection.send(encodeFrame({ op: "synced" }));
}
