/**
 * Client → server WebSocket frames (protocol.md "WebSocket"). One strict schema
 * per op; anything else is answered with an `error` frame and the socket stays open.
 */
import { z } from "zod";
import { clientMsgId, contentWarning, id, messageBody } from "../http/conversations.js";

/** A client's correlation id for a frame: a short string or a safe integer. */
export const ref = z.union([z.string().max(64), z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)]);
const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const clientFrame = z.discriminatedUnion("op", [
  z.strictObject({
    op: z.literal("resume"),
    since: z.record(id, seq).refine((r) => Object.keys(r).length <= 1000, "at most 1000 conversations"),
  }),
  z.strictObject({
    op: z.literal("send"),
    ref,
    conversationId: id,
    clientMsgId,
    body: messageBody,
    contentWarning: contentWarning.optional(),
  }),
  z.strictObject({ op: z.literal("read"), conversationId: id, seq }),
  z.strictObject({ op: z.literal("typing"), conversationId: id }),
  z.strictObject({ op: z.literal("ping"), t: z.union([z.number(), z.string().max(64)]).optional() }),
]);

export type ClientFrame = z.infer<typeof clientFrame>;
export type Ref = z.infer<typeof ref>;
