/**
 * Value schemas shared by routes and frames: ids, times, and the objects that
 * appear in many answers (`user`, `event`, `resource`). Everything a client sees
 * is described here or beside its route, so the server, the web client, the
 * OpenAPI document and docs/api.md all read one definition.
 */
import { z } from "zod";

/** The session cookie set by sign-up, sign-in and recovery (protocol.md "Authentication"). */
export const sessionCookie = "kindred_session";

/** Opaque ids (ULID-like strings today; clients must not parse them). */
export const id = z.string().min(1).max(64);
export const isoTime = z.string().meta({ description: "An ISO-8601 UTC time, e.g. 2026-11-30T21:04:00.000Z." });
export const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Handles (protocol.md "Authentication"): ASCII only, so look-alike letters cannot impersonate a member. */
export const handlePattern = /^[A-Za-z0-9_.-]{3,32}$/;
export const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "a language code such as en or pt-BR");
export const regionCode = z.string().regex(/^[A-Z]{2}$/, "a two-letter region code such as US");
export const experienceId = z.string().min(1).max(64);
export const availability = z.enum(["talk", "listen", "either", "away"]);
export const role = z.enum(["member", "supporter", "moderator", "admin"]);

export const user = z
  .object({
    id,
    handle: z.string(),
    displayName: z.string().nullable(),
    about: z.string().nullable(),
    experiences: z.array(z.string()),
    languages: z.array(z.string()),
    availability,
    region: z.string().nullable(),
    onDuty: z.boolean(),
    roles: z.array(role),
    createdAt: isoTime,
    shift: z
      .object({ startedAt: isoTime, breakDueAt: isoTime })
      .optional()
      .meta({ description: "Only in my own profile, while I am on duty as a peer supporter: when the shift began and when a break is due." }),
  })
  .meta({ id: "User", description: "A member's profile as they and their peers see it." });

export const eventType = z.enum([
  "message.created",
  "message.edited",
  "message.deleted",
  "member.joined",
  "member.left",
  "member.removed",
  "checkin.updated",
  "conversation.kept",
  "conversation.paused",
  "conversation.closed",
]);

export const event = z
  .object({
    conversationId: id,
    seq: seq.min(1),
    type: eventType,
    at: isoTime,
    actorId: id.nullable(),
    data: z.record(z.string(), z.unknown()).meta({
      description:
        "Depends on `type`. message.created / message.edited: {messageId, clientMsgId, body, contentWarning?, editedAt?}; " +
        "message.deleted: {messageId, body: null, deleted: true}; a message past its conversation's retention: {messageId, body: null, expired: true}; member.*: {userId}; checkin.updated: {userId, fields}.",
    }),
  })
  .meta({ id: "Event", description: "One entry of a conversation's log; `seq` starts at 1 and has no gaps." });

export const resource = z
  .object({
    region: z.string().meta({ description: "ISO 3166 region code, or * for everywhere." }),
    name: z.string(),
    contact: z.string(),
    kind: z.enum(["crisis-line", "warmline", "directory", "peer-support"]),
    note: z.string(),
    default: z.boolean().meta({ description: "True for the list Kindred ships with (content/resources.json), until an administrator replaces it." }),
  })
  .meta({ id: "Resource", description: "A crisis line or warmline the instance lists." });

/**
 * What a check after a send may tell its author alone (today: crisis support):
 * the `safety` frame on the socket, the `safety` field of a REST send's answer.
 */
export const senderNotice = z.object({
  conversationId: id,
  kind: z.literal("crisis-support"),
  resources: z.array(resource),
  actions: z.array(z.enum(["talk-to-supporter", "dismiss"])),
});

export type SenderNotice = z.infer<typeof senderNotice>;
export type User = z.infer<typeof user>;
export type ConversationEvent = z.infer<typeof event>;
export type EventType = z.infer<typeof eventType>;
export type Resource = z.infer<typeof resource>;

export function isMessageEvent(event: ConversationEvent): boolean {
  return event.type.startsWith("message.");
}
