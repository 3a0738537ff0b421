/**
 * Client → server WebSocket frames (protocol.md "WebSocket"): one strict schema
 * per op, in one union tagged by `op`. Anything else is answered with an `error`
 * frame (carrying the frame's `ref` when one could be read) and the socket stays open.
 */
import { z } from "zod";
import { id, seq } from "../common.js";
import { clientMsgId, contentWarning, messageBody } from "../rest/conversations.js";

/** A client's correlation id for a frame, echoed on its ack, safety and error frames. */
export const ref = z
  .union([z.string().max(64), z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)])
  .meta({ description: "A string of at most 64 characters or a safe integer, chosen by the client." });

export const clientFrame = z.discriminatedUnion("op", [
  z
    .strictObject({
      op: z.literal("resume"),
      ref: ref.optional(),
      since: z.record(id, seq).refine((r) => Object.keys(r).length <= 1000, "at most 1000 conversations"),
    })
    .meta({
      description:
        "Replays, per named conversation, every event after the given seq (or a `gap` past 500), then `synced`. Conversations not named: nothing old.",
    }),
  z
    .strictObject({
      op: z.literal("send"),
      ref,
      conversationId: id,
      clientMsgId,
      body: messageBody,
      contentWarning: contentWarning.optional(),
    })
    .meta({ description: "Answered by `ack` once durably stored, then the `event` reaches every member (sender included)." }),
  z
    .strictObject({ op: z.literal("read"), ref: ref.optional(), conversationId: id, seq })
    .meta({ description: "Moves my read marker forward (never back); others see a `read` frame." }),
  z
    .strictObject({ op: z.literal("typing"), ref: ref.optional(), conversationId: id })
    .meta({ description: "Others see `typing` for 6 s; more often than every 3 s is ignored." }),
  z
    .strictObject({ op: z.literal("ping"), ref: ref.optional(), t: z.union([z.number(), z.string().max(64)]).optional() })
    .meta({ description: "Answered by `pong` with the same `t`. Send one every `heartbeatMs`." }),
]);

export type ClientFrame = z.infer<typeof clientFrame>;
export type Ref = z.infer<typeof ref>;
