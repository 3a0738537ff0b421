/** Peer-led rooms: the directory, invite links, and removing a member. */
import { z } from "zod";
import { id, isoTime, languageCode } from "../common.js";
import { conversation, conversationParams, emptyBody, schedule } from "./conversations.js";
import { defineRoute } from "./route.js";

export const roomsQuery = z.strictObject({ experience: z.string().min(1).max(64).optional(), language: languageCode.optional() });

export const roomListing = z
  .object({
    id,
    title: z.string().nullable(),
    topic: z.string().nullable(),
    experiences: z.array(z.string()),
    language: z.string().nullable(),
    schedule: schedule.nullable(),
    nextSessionAt: isoTime.nullable(),
    memberCount: z.number().int().min(0),
  })
  .meta({ id: "RoomListing" });

const invite = z.object({ id, createdAt: isoTime, revoked: z.boolean() }).meta({ id: "Invite" });
const tag = "Rooms";

export const roomRoutes = {
  directory: defineRoute({
    method: "GET",
    url: "/api/v1/rooms",
    access: "member",
    tag,
    summary: "The directory of public rooms",
    description: "Open public rooms, those with the soonest session first.",
    querystring: roomsQuery,
    response: { 200: z.object({ rooms: z.array(roomListing) }) },
  }),
  createInvite: defineRoute({
    method: "POST",
    url: "/api/v1/conversations/:id/invites",
    access: "member",
    tag,
    summary: "Make an invite link (facilitators)",
    description: "The code is shown once; only its hash is stored.",
    params: conversationParams,
    body: emptyBody,
    response: { 201: z.object({ invite: invite.extend({ code: z.string() }) }) },
    errors: ["NOT_FOUND", "FORBIDDEN"],
  }),
  listInvites: defineRoute({
    method: "GET",
    url: "/api/v1/conversations/:id/invites",
    access: "member",
    tag,
    summary: "A room's invite links (facilitators)",
    params: conversationParams,
    response: { 200: z.object({ invites: z.array(invite) }) },
    errors: ["NOT_FOUND", "FORBIDDEN"],
  }),
  revokeInvite: defineRoute({
    method: "DELETE",
    url: "/api/v1/conversations/:id/invites/:inviteId",
    access: "member",
    tag,
    summary: "Revoke an invite link (facilitators)",
    params: z.strictObject({ id, inviteId: id }),
    response: { 204: null },
    errors: ["NOT_FOUND", "FORBIDDEN"],
  }),
  acceptInvite: defineRoute({
    method: "POST",
    url: "/api/v1/invites/:code",
    access: "member",
    tag,
    summary: "Join a room by its invite code",
    params: z.strictObject({ code: z.string().min(1).max(64) }),
    body: emptyBody,
    response: { 200: z.object({ conversation }) },
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  removeMember: defineRoute({
    method: "DELETE",
    url: "/api/v1/conversations/:id/members/:userId",
    access: "member",
    tag,
    summary: "Remove a member from a room (facilitators)",
    params: z.strictObject({ id, userId: id }),
    response: { 204: null },
    errors: ["NOT_FOUND", "FORBIDDEN"],
  }),
} as const;
