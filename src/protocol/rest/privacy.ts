/**
 * A member's own data (protocol.md "Authentication"): everything stored about
 * them in one download, and deleting the account in one step.
 */
import { z } from "zod";
import { id, isoTime, user } from "../common.js";
import { password, session } from "./accounts.js";
import { defineRoute } from "./route.js";

const tag = "Your data";

const exportedMembership = z.object({
  conversationId: id,
  kind: z.enum(["direct", "group"]),
  title: z.string().nullable().meta({ description: "A room's title; null for one-to-ones." }),
  role: z.enum(["member", "facilitator"]),
  joinedAt: isoTime,
  stayInTouch: z.boolean(),
});

const exportedMessage = z.object({
  id,
  conversationId: id,
  seq: z.number().int(),
  clientMsgId: z.string(),
  body: z.string().nullable().meta({ description: "null once deleted." }),
  contentWarning: z.string().nullable(),
  createdAt: isoTime,
  editedAt: isoTime.nullable(),
  deleted: z.boolean(),
  expired: z.boolean().meta({ description: "True once the words passed the conversation's retention and were erased." }),
});

const exportedCheckin = z.object({
  conversationId: id,
  hopingFor: z.string().nullable(),
  timeAvailable: z.string().nullable(),
  avoidTopics: z.string().nullable(),
  updatedAt: isoTime,
});

const exportedMatchRequest = z.object({
  id,
  mode: z.enum(["one-to-one", "group"]),
  anyone: z.boolean(),
  note: z.string().nullable(),
  status: z.enum(["waiting", "matched", "cancelled"]),
  experiences: z.array(z.string()),
  conversationId: id.nullable(),
  createdAt: isoTime,
  matchedAt: isoTime.nullable(),
});

const exportedBlock = z.object({ userId: id, handle: z.string(), blockedAt: isoTime });

export const myDataExport = z
  .object({
    exportedAt: isoTime,
    user,
    sessions: z.array(session),
    memberships: z.array(exportedMembership),
    messages: z.array(exportedMessage).meta({ description: "Every message you sent, deleted ones as tombstones." }),
    checkins: z.array(exportedCheckin).meta({ description: "Your answers to conversations' check-in cards." }),
    matchRequests: z.array(exportedMatchRequest),
    blocked: z.array(exportedBlock).meta({ description: "The members you blocked." }),
    reports: z.array(z.never()).meta({ description: "Reports you made. Reporting is not built yet, so this is always empty." }),
    moderationActions: z.array(z.never()).meta({ description: "Moderation actions about you. Moderation is not built yet, so this is always empty." }),
  })
  .meta({ id: "MyDataExport" });

export const deleteMeBody = z.strictObject({ password });

const conversationParams = z.strictObject({ id });
const retentionDays = z.number().int().nullable().meta({ description: "Days a message's words are kept; null: until someone deletes them." });

export const retentionBody = z.strictObject({
  days: z.union([z.literal(1), z.literal(7), z.literal(30), z.null()], { error: "1, 7, 30, or null to keep words until deleted" }),
});

export const privacyRoutes = {
  exportMe: defineRoute({
    method: "GET",
    url: "/api/v1/me/export",
    access: "member",
    tag,
    summary: "Download everything stored about me",
    description:
      "One JSON document, served as a download (`Content-Disposition: attachment`): your profile, sessions, memberships, every message you sent, " +
      "your check-in answers, match requests and blocks. Hand-off notes are not included: only the supporter they were written for may read them.",
    response: { 200: myDataExport },
  }),
  deleteMe: defineRoute({
    method: "DELETE",
    url: "/api/v1/me",
    access: "member",
    tag,
    summary: "Delete my account",
    description:
      "Asks for your password, then in one step: you leave every conversation (a one-to-one closes), every message you sent becomes a tombstone " +
      "(`body: null, deleted: true`, announced as `message.deleted`), your profile, sessions, codes, blocks, requests and check-in answers are erased, " +
      "your handle is free again and your sockets close. On the SQLite store, deleted content is overwritten and the write-ahead log emptied, so no file " +
      "under `DATA_DIR` keeps your handle, display name or message text. A wrong password: FORBIDDEN, and nothing changes.",
    body: deleteMeBody,
    response: { 204: null },
    errors: ["FORBIDDEN", "RATE_LIMITED"],
  }),
  conversationPrivacy: defineRoute({
    method: "GET",
    url: "/api/v1/conversations/:id/privacy",
    access: "member",
    tag,
    summary: "Who can read this conversation, and how long its words are kept",
    description:
      "In plain words, for the banner a conversation shows. `retentionDays` is what holds; `myRetentionDays` is your own choice " +
      "(in a room, the room's choice if you are a facilitator, else null). Non-members: NOT_FOUND.",
    params: conversationParams,
    response: {
      200: z.object({
        whoCanRead: z.array(z.string()),
        retentionDays,
        myRetentionDays: retentionDays,
        automatedChecks: z.array(z.string()).meta({ description: "What reads messages on the server, and what it keeps." }),
      }),
    },
    errors: ["NOT_FOUND"],
  }),
  setRetention: defineRoute({
    method: "PUT",
    url: "/api/v1/conversations/:id/retention",
    access: "member",
    tag,
    summary: "Choose how long this conversation's words are kept",
    description:
      "In a one-to-one (or a matched group), the shortest of the members' choices holds, capped by the instance's RETENTION_DAYS; " +
      "in a room, a facilitator's choice (other members: FORBIDDEN). Past it, words are erased and the event stays as " +
      "`{messageId, body: null, expired: true}`, so seqs stay gapless. Words already older than what now holds are erased at once.",
    params: conversationParams,
    body: retentionBody,
    response: { 200: z.object({ retentionDays }) },
    errors: ["NOT_FOUND", "FORBIDDEN"],
  }),
} as const;
