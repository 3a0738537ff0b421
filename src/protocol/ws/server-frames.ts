/**
 * Server → client WebSocket frames (protocol.md "WebSocket"): one union tagged
 * by `op`. The gateway builds every frame through `encodeFrame`, so what it sends
 * is checked against these types at compile time, and tests check real traffic
 * against the schema at run time.
 */
import { z } from "zod";
import { event, id, isoTime, senderNotice, seq } from "../common.js";
import { errorBody } from "../errors.js";
import { matchSuggestions } from "../rest/matching.js";
import { ref } from "./client-frames.js";

// Defined beside the shared shapes, as the REST send answers with it too.
export { type SenderNotice, senderNotice } from "../common.js";

export const serverFrame = z.discriminatedUnion("op", [
  z
    .object({
      op: z.literal("hello"),
      heartbeatMs: z.number().int().positive(),
      connectionId: id,
      sessionId: id.meta({ description: "Kept for older clients: the same value as connectionId (this socket's id, not the sign-in session)." }),
    })
    .meta({ description: "First frame on every socket." }),
  z.object({ op: z.literal("event"), event }).meta({ description: "A new (or replayed) event of a conversation I belong to, in seq order." }),
  z
    .object({ op: z.literal("ack"), ref, messageId: id, seq: seq.min(1) })
    .meta({ description: "My `send` is durably stored. A repeated clientMsgId gets the original messageId and seq." }),
  z
    .object({ op: z.literal("gap"), conversationId: id, fromSeq: seq, toSeq: seq })
    .meta({ description: "More than 500 events were missed: page fromSeq..toSeq over REST; live events continue after toSeq." }),
  z.object({ op: z.literal("synced") }).meta({ description: "Every replay asked for by `resume` has been sent." }),
  z.object({ op: z.literal("pong"), t: z.union([z.number(), z.string()]).optional() }).meta({ description: "Answers `ping`." }),
  z
    .object({ op: z.literal("typing"), conversationId: id, userId: id, expiresInMs: z.number().int().min(0) })
    .meta({ description: "Someone is typing; `expiresInMs: 0` means they stopped." }),
  z.object({ op: z.literal("read"), conversationId: id, userId: id, seq }).meta({ description: "A member's read marker moved forward." }),
  z
    .object({ op: z.literal("presence"), userId: id, status: z.enum(["online", "offline"]) })
    .meta({ description: "Someone I share a conversation with came or went (never someone blocked either way)." }),
  z
    .object({
      op: z.literal("match.found"),
      requestId: id,
      conversationId: id,
      handoffId: id.optional().meta({
        description: "To the supporter a member was handed to: the hand-off whose note they alone can read (GET /api/v1/handoffs/:id).",
      }),
    })
    .meta({ description: "A match request of mine (or one I was matched to as a listener) found its conversation." }),
  z
    .object({ op: z.literal("match.slow"), requestId: id, suggestions: matchSuggestions.optional() })
    .meta({ description: "My request has waited past the slow threshold; here are groups and warmlines meanwhile." }),
  z
    .object({ op: z.literal("shift.break-due"), startedAt: isoTime })
    .meta({ description: "To a peer supporter's sockets once their shift has run SUPPORTER_BREAK_AFTER_MINUTES: a nudge to take a break." }),
  z.object({ op: z.literal("handoff.offer"), handoffId: id, conversationId: id, supporter: z.object({ id, handle: z.string() }).optional() }).meta({
    description:
      "To the member only: their supporter offers to pass the conversation to another on-duty supporter (named when chosen). Accept or decline over REST; nothing happens without the member's yes.",
  }),
  z
    .object({
      op: z.literal("handoff.decided"),
      handoffId: id,
      conversationId: id.meta({ description: "The conversation that was offered on (not the new one, which is the member's and the next supporter's alone)." }),
      outcome: z.enum(["accepted", "declined"]),
    })
    .meta({
      description:
        "To the supporter who offered a hand-off, once the member's answer is stored: whether they went to another supporter or stay here. Never says who took over. A withdrawn offer gets none.",
    }),
  senderNotice
    .extend({ op: z.literal("safety"), ref })
    .meta({ description: "Only to the author of a message with crisis language, right after its ack; never to anyone else." }),
  z.object({ op: z.literal("error"), ref: ref.optional(), error: errorBody }).meta({ description: "A frame could not be done; the socket stays open." }),
]);

export type ServerFrame = z.infer<typeof serverFrame>;

/** Serializes a frame; the parameter type is the whole check on the hot path. */
export function encodeFrame(frame: ServerFrame): string {
  return JSON.stringify(frame);
}
