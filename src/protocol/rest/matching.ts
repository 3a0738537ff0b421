/** Matching (protocol.md "Experiences and matching"). */
import { z } from "zod";
import { experienceId, id, isoTime, resource } from "../common.js";
import { defineRoute } from "./route.js";

export const matchRequestBody = z.strictObject({
  experiences: z.array(experienceId).max(10),
  mode: z.enum(["one-to-one", "group"]),
  anyone: z.boolean().optional().meta({ description: "Match with anyone available, not only on a shared experience." }),
  note: z.string().trim().max(280).optional(),
});

const suggestions = z
  .object({
    groups: z.array(z.object({ id, title: z.string().nullable(), topic: z.string().nullable() })),
    resources: z.array(resource),
  })
  .meta({ id: "MatchSuggestions", description: "While a request is slow: open groups on the same experiences and the instance's warmlines." });

export const matchRequest = z
  .object({
    id,
    status: z.enum(["waiting", "matched", "cancelled"]),
    mode: z.enum(["one-to-one", "group"]),
    experiences: z.array(z.string()),
    anyone: z.boolean(),
    conversationId: id.optional(),
    createdAt: isoTime,
    waitedMs: z.number().int().min(0),
    slow: z.boolean().meta({ description: "True once the request has waited longer than the instance's slow threshold." }),
    suggestions: suggestions.optional(),
  })
  .meta({ id: "MatchRequest" });

export { suggestions as matchSuggestions };

const params = z.strictObject({ id });
const tag = "Matching";

export const matchingRoutes = {
  request: defineRoute({
    method: "POST",
    url: "/api/v1/match-requests",
    access: "member",
    tag,
    summary: "Ask to talk",
    description:
      "Matched at once when someone fits (status matched, with conversationId); otherwise waiting. Both members get `match.found` on their sockets when it happens.",
    body: matchRequestBody,
    response: { 202: z.object({ request: matchRequest }) },
    errors: ["CONFLICT"],
  }),
  get: defineRoute({
    method: "GET",
    url: "/api/v1/match-requests/:id",
    access: "member",
    tag,
    summary: "How my request stands",
    params,
    response: { 200: z.object({ request: matchRequest }) },
    errors: ["NOT_FOUND"],
  }),
  cancel: defineRoute({
    method: "DELETE",
    url: "/api/v1/match-requests/:id",
    access: "member",
    tag,
    summary: "Stop waiting",
    params,
    response: { 204: null },
    errors: ["NOT_FOUND"],
  }),
} as const;

export type MatchRequestBody = z.infer<typeof matchRequestBody>;
export type MatchRequestView = z.infer<typeof matchRequest>;
