/** Blocks and crisis resources (protocol.md "Safety"). */
import { z } from "zod";
import { id, isoTime, regionCode, resource } from "../common.js";
import { defineRoute } from "./route.js";

const tag = "Safety";

export const blockedMember = z
  .object({ userId: id, handle: z.string(), displayName: z.string().nullable(), blockedAt: isoTime })
  .meta({ id: "BlockedMember", description: "A member I blocked." });

export const safetyRoutes = {
  listBlocks: defineRoute({
    method: "GET",
    url: "/api/v1/blocks",
    access: "member",
    tag,
    summary: "Whom I have blocked",
    description: "Newest first. `blockedAt` is when I blocked them; `handle` and `displayName` are their current ones.",
    response: { 200: z.object({ blocks: z.array(blockedMember) }) },
  }),
  block: defineRoute({
    method: "POST",
    url: "/api/v1/blocks",
    access: "member",
    tag,
    summary: "Block a member",
    description: "From then on neither can message, match or see the other's presence. Blocking twice changes nothing.",
    body: z.strictObject({ userId: id }),
    response: { 204: null },
    errors: ["NOT_FOUND"],
  }),
  unblock: defineRoute({
    method: "DELETE",
    url: "/api/v1/blocks/:userId",
    access: "member",
    tag,
    summary: "Unblock a member",
    params: z.strictObject({ userId: id }),
    response: { 204: null },
  }),
  resources: defineRoute({
    method: "GET",
    url: "/api/v1/resources",
    access: "none",
    tag,
    summary: "Crisis lines and warmlines",
    description:
      "Shipped in content/resources.json (marked `default: true`) until an administrator replaces the list (PUT /api/v1/admin/resources). No session needed: a person in crisis must reach help without signing in. With `region`, that region's entries and the ones for everywhere.",
    querystring: z.strictObject({ region: regionCode.optional() }),
    response: { 200: z.object({ resources: z.array(resource) }) },
  }),
} as const;
