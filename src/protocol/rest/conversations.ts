/** Conversations, history and messages (protocol.md "Conversations"). Non-members get NOT_FOUND everywhere. */
import { z } from "zod";
import { event, experienceId, id, isoTime, languageCode, senderNotice, seq } from "../common.js";
import { defineRoute } from "./route.js";

export const weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Message text: 1–4000 characters (code points) after trimming; no NUL. */
export const messageBody = z
  .string()
  .max(16_000)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, "must not be empty")
  .refine((s) => [...s].length <= 4000, "at most 4000 characters")
  .refine((s) => !s.includes("\u0000"), "must not contain NUL characters")
  .meta({ description: "1–4000 characters after trimming." });

export const contentWarning = z
  .string()
  .max(200)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, "must not be empty")
  .meta({ description: "Shown instead of the message until the reader opens it; 1–200 characters." });

export const clientMsgId = z
  .string()
  .min(1)
  .max(64)
  .meta({ description: "Chosen by the sender; a repeat from the same sender is answered with the original message." });

export const schedule = z
  .strictObject({
    weekday: z.enum(weekdays),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time as HH:MM (24-hour)"),
    timeZone: z.string().max(64).refine(isTimeZone, "an IANA time zone such as America/Chicago"),
  })
  .meta({ id: "Schedule", description: "A weekly session at a wall-clock time in the room's time zone." });

export const sendMessageBody = z.strictObject({ clientMsgId, body: messageBody, contentWarning: contentWarning.optional() });

export const editMessageBody = z.strictObject({ body: messageBody, contentWarning: contentWarning.nullable().optional() });

/** A group (a peer-led room when a facilitator opens it). */
export const createConversationBody = z.strictObject({
  kind: z.literal("group"),
  title: z.string().trim().min(1).max(80),
  topic: z.string().trim().max(500).optional(),
  experiences: z.array(experienceId).max(10).optional(),
  visibility: z.enum(["public", "invite"]),
  agreement: z.string().trim().max(2000).optional(),
  language: languageCode.optional(),
  schedule: schedule.optional(),
});

const seqParam = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const historyQuery = z.strictObject({
  afterSeq: seqParam.optional(),
  beforeSeq: seqParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const conversationParams = z.strictObject({ id });
export const messageParams = z.strictObject({ id, messageId: id });
/** Routes that take no fields still refuse unknown ones. */
export const emptyBody = z.strictObject({}).optional();

export const member = z
  .object({ userId: id, handle: z.string(), displayName: z.string().nullable(), role: z.enum(["member", "facilitator"]) })
  .meta({ id: "Member" });

export const checkin = z
  .object({ userId: id, hopingFor: z.string().nullable(), timeAvailable: z.string().nullable(), avoidTopics: z.string().nullable(), updatedAt: isoTime })
  .meta({ id: "Checkin", description: "One member's side of a one-to-one's opening check-in." });

export const stayInTouch = z.object({ mine: z.boolean(), mutual: z.boolean() });

export const conversation = z
  .object({
    id,
    kind: z.enum(["direct", "group"]),
    title: z.string().nullable(),
    topic: z.string().nullable(),
    visibility: z.enum(["public", "invite"]).nullable(),
    experiences: z.array(z.string()),
    members: z.array(member),
    lastSeq: seq,
    readSeq: seq,
    unread: z.number().int().min(0).meta({ description: "lastSeq − readSeq, computed; my own messages never count." }),
    closed: z.boolean(),
    origin: z.string().nullable(),
    checkins: z.array(checkin).optional(),
    stayInTouch: stayInTouch.optional(),
    agreement: z.string().nullable().optional(),
    language: z.string().nullable().optional(),
    schedule: schedule.nullable().optional(),
    nextSessionAt: isoTime.nullable().optional(),
  })
  .meta({ id: "Conversation" });

const conversationAnswer = z.object({ conversation });
const tag = "Conversations";

export const conversationRoutes = {
  list: defineRoute({
    method: "GET",
    url: "/api/v1/conversations",
    access: "member",
    tag,
    summary: "My conversations",
    response: { 200: z.object({ conversations: z.array(conversation) }) },
  }),
  create: defineRoute({
    method: "POST",
    url: "/api/v1/conversations",
    access: "member",
    tag,
    summary: "Open a group (a peer-led room)",
    description: "The creator is its facilitator.",
    body: createConversationBody,
    response: { 201: conversationAnswer },
  }),
  get: defineRoute({
    method: "GET",
    url: "/api/v1/conversations/:id",
    access: "member",
    tag,
    summary: "One conversation",
    params: conversationParams,
    response: { 200: conversationAnswer },
    errors: ["NOT_FOUND"],
  }),
  join: defineRoute({
    method: "POST",
    url: "/api/v1/conversations/:id/members",
    access: "member",
    tag,
    summary: "Join a public group",
    params: conversationParams,
    body: emptyBody,
    response: { 200: conversationAnswer },
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  leave: defineRoute({
    method: "DELETE",
    url: "/api/v1/conversations/:id/members/me",
    access: "member",
    tag,
    summary: "Leave a conversation",
    description: "Leaving a one-to-one closes it unless both members chose to stay in touch.",
    params: conversationParams,
    response: { 204: null },
    errors: ["NOT_FOUND"],
  }),
  checkin: defineRoute({
    method: "PUT",
    url: "/api/v1/conversations/:id/checkin",
    access: "member",
    tag,
    summary: "Fill in my side of a one-to-one's check-in",
    description: "Fields left out keep their answer; null clears one. Both members see both sides; the log records only that it changed.",
    params: conversationParams,
    body: z.strictObject({
      hopingFor: z.string().trim().max(280).nullable().optional(),
      timeAvailable: z.string().trim().max(280).nullable().optional(),
      avoidTopics: z.string().trim().max(280).nullable().optional(),
    }),
    response: { 200: z.object({ checkin }) },
    errors: ["NOT_FOUND", "CONFLICT", "BLOCKED"],
  }),
  stayInTouch: defineRoute({
    method: "POST",
    url: "/api/v1/conversations/:id/stay-in-touch",
    access: "member",
    tag,
    summary: "Choose to stay in touch after a one-to-one",
    params: conversationParams,
    body: z.strictObject({ stay: z.boolean() }),
    response: { 200: z.object({ stayInTouch }) },
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  history: defineRoute({
    method: "GET",
    url: "/api/v1/conversations/:id/events",
    access: "member",
    tag,
    summary: "A page of a conversation's log",
    description:
      "afterSeq pages forward (oldest first); beforeSeq pages back from the newest. A member sees the log from their own joining on. Events are always returned oldest first.",
    params: conversationParams,
    querystring: historyQuery,
    response: { 200: z.object({ events: z.array(event), hasMore: z.boolean() }) },
    errors: ["NOT_FOUND"],
  }),
  send: defineRoute({
    method: "POST",
    url: "/api/v1/conversations/:id/messages",
    access: "member",
    tag,
    summary: "Send a message",
    description: "Answered after the message is durably stored. The same clientMsgId again from the same sender answers the original message and adds nothing.",
    params: conversationParams,
    body: sendMessageBody,
    response: {
      201: z.object({
        message: z.object({ id, seq: seq.min(1), conversationId: id, event }),
        safety: senderNotice
          .optional()
          .meta({ description: "Only to the author, only when crisis language was found: the same options as the `safety` frame." }),
      }),
    },
    errors: ["NOT_FOUND", "CONFLICT", "BLOCKED"],
  }),
  edit: defineRoute({
    method: "PATCH",
    url: "/api/v1/conversations/:id/messages/:messageId",
    access: "member",
    tag,
    summary: "Edit my message",
    params: messageParams,
    body: editMessageBody,
    response: { 200: z.object({ event }) },
    errors: ["NOT_FOUND", "FORBIDDEN", "CONFLICT", "BLOCKED"],
  }),
  remove: defineRoute({
    method: "DELETE",
    url: "/api/v1/conversations/:id/messages/:messageId",
    access: "member",
    tag,
    summary: "Delete my message",
    description: "The text is erased; a tombstone event (`message.deleted`) stays so seq remains gapless.",
    params: messageParams,
    response: { 204: null },
    errors: ["NOT_FOUND", "FORBIDDEN"],
  }),
} as const;

export type SendMessageBody = z.infer<typeof sendMessageBody>;
export type CreateConversationBody = z.infer<typeof createConversationBody>;
export type HistoryQuery = z.infer<typeof historyQuery>;
export type Schedule = z.infer<typeof schedule>;
export type ConversationView = z.infer<typeof conversation>;
