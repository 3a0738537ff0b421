/**
 * Crisis support and supporters (protocol.md "Crisis support and supporters"
 * and "Safety"): asking for an on-duty peer supporter, warm hand-offs between
 * supporters, the administrator's list of crisis lines, and the guide for
 * peers on responding when someone is struggling.
 */
import { z } from "zod";
import { id, resource } from "../common.js";
import { defineRoute } from "./route.js";

const support = "Crisis support and supporters";

/** One crisis line or warmline as an administrator writes it. */
export const resourceInput = z.strictObject({
  region: z.string().regex(/^(\*|[A-Z]{2})$/, "a two-letter region code such as US, or * for everywhere"),
  name: z.string().trim().min(1).max(200),
  contact: z.string().trim().min(1).max(200),
  kind: z.enum(["crisis-line", "warmline", "directory", "peer-support"]),
  note: z.string().trim().max(1000),
});

export const replaceResourcesBody = z.strictObject({
  resources: z.array(resourceInput).min(1, "list at least one line, so a member in crisis always sees somewhere to turn").max(500),
});

export const supportRequestBody = z.strictObject({
  fromConversationId: id
    .optional()
    .meta({ description: "The conversation the member was in when they asked (checked: they must belong to it); nothing from it is shared." }),
});

export const handoffBody = z.strictObject({
  toSupporterId: id.optional().meta({ description: "A particular on-duty supporter; when they are not free at acceptance, any free one." }),
  note: z.string().trim().min(1).max(2000).meta({ description: "For the next supporter's eyes only." }),
});

/** Where a hand-off stands; `withdrawn` when a newer offer in the same conversation replaced it. */
export const handoffStatus = z.enum(["offered", "accepted", "declined", "withdrawn"]);

const supporterRef = z.object({ id, handle: z.string() });
const handoffParams = z.strictObject({ id });

export const guideLanguage = z.enum(["en", "es"]);

export const supportRoutes = {
  requestSupport: defineRoute({
    method: "POST",
    url: "/api/v1/support-requests",
    access: "member",
    tag: support,
    summary: "Talk to an on-duty peer supporter now",
    description:
      "Opens a one-to-one with a free on-duty supporter who is online, not blocked either way, shares a language (no languages counts as en) " +
      "and, when one can, an experience; they get `match.found`. Two requests racing for the last free supporter never both get them. " +
      "While the member already has an open support conversation, that one is answered again. None free: NO_SUPPORTER_ON_DUTY with `details.resources`.",
    body: supportRequestBody,
    response: { 201: z.object({ conversationId: id, supporter: supporterRef }) },
    errors: ["NO_SUPPORTER_ON_DUTY", "NOT_FOUND"],
  }),
  offerHandoff: defineRoute({
    method: "POST",
    url: "/api/v1/conversations/:id/handoff",
    access: "member",
    tag: support,
    summary: "Tap out: offer the member another supporter",
    description:
      "By the supporter of a support conversation. The member gets `handoff.offer`; nothing else happens until they accept. " +
      "`conversationId` is this conversation (it stays open); a newer offer withdraws an older one still pending. " +
      "Once the member answers, the supporter gets `handoff.decided` (and can read it again at GET /api/v1/handoffs/:id/status).",
    params: z.strictObject({ id }),
    body: handoffBody,
    response: { 201: z.object({ conversationId: id, handoffId: id }) },
    errors: ["NOT_FOUND", "FORBIDDEN", "CONFLICT"],
  }),
  acceptHandoff: defineRoute({
    method: "POST",
    url: "/api/v1/handoffs/:id/accept",
    access: "member",
    tag: support,
    summary: "Accept a hand-off (the member only)",
    description:
      "Opens a new one-to-one of the member and the named supporter if free, else any free on-duty supporter other than the one tapping out; " +
      "they get `match.found` and alone can read the note; the supporter who offered gets `handoff.decided` with `outcome: accepted`. " +
      "None free: NO_SUPPORTER_ON_DUTY and the offer stays open. Already decided: CONFLICT.",
    params: handoffParams,
    response: { 201: z.object({ conversationId: id }) },
    errors: ["NOT_FOUND", "CONFLICT", "NO_SUPPORTER_ON_DUTY"],
  }),
  declineHandoff: defineRoute({
    method: "POST",
    url: "/api/v1/handoffs/:id/decline",
    access: "member",
    tag: support,
    summary: "Decline a hand-off (the member only)",
    description:
      "The current conversation simply goes on; the supporter who offered gets `handoff.decided` with `outcome: declined`. Already decided: CONFLICT.",
    params: handoffParams,
    response: { 204: null },
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  getHandoff: defineRoute({
    method: "GET",
    url: "/api/v1/handoffs/:id",
    access: "member",
    tag: support,
    summary: "Read a hand-off's note (the supporter it was handed to)",
    description: "Only the supporter who took the conversation over sees it; for anyone else, the member and the first supporter included, NOT_FOUND.",
    params: handoffParams,
    response: {
      200: z.object({
        handoff: z.object({ id, note: z.string(), fromSupporterId: id, conversationId: id.meta({ description: "The new conversation, with the member." }) }),
      }),
    },
    errors: ["NOT_FOUND"],
  }),
  handoffStatus: defineRoute({
    method: "GET",
    url: "/api/v1/handoffs/:id/status",
    access: "member",
    tag: support,
    summary: "How the member answered a hand-off (the supporter who offered it)",
    description:
      "For the supporter who offered it, so a client that was away when `handoff.decided` came still learns the answer. " +
      "Says nothing of who took over or where; for anyone else, the member and the next supporter included, NOT_FOUND.",
    params: handoffParams,
    response: { 200: z.object({ status: handoffStatus }) },
    errors: ["NOT_FOUND"],
  }),
  replaceResources: defineRoute({
    method: "PUT",
    url: "/api/v1/admin/resources",
    access: "member",
    tag: "Safety",
    summary: "Replace the crisis lines and warmlines (administrators)",
    description:
      "Replaces the whole list, for every node, at once; entries are answered with `default: false`. Others: FORBIDDEN. " +
      "Until the first replacement the instance serves the list it ships with (content/resources.json).",
    body: replaceResourcesBody,
    response: { 200: z.object({ resources: z.array(resource) }) },
    errors: ["FORBIDDEN"],
  }),
  guide: defineRoute({
    method: "GET",
    url: "/api/v1/guide",
    access: "none",
    tag: "Safety",
    summary: "When someone is struggling: a short guide for peers",
    description: "Listening, asking directly, no method details, hope and resources, looking after yourself. No session needed. `lang` defaults to en.",
    querystring: z.strictObject({ lang: guideLanguage.optional() }),
    response: { 200: z.object({ guide: z.object({ language: guideLanguage, text: z.string().meta({ description: "Markdown." }) }) }) },
  }),
} as const;

export type ResourceInput = z.infer<typeof resourceInput>;
export type HandoffBody = z.infer<typeof handoffBody>;
export type HandoffStatus = z.infer<typeof handoffStatus>;
export type GuideLanguage = z.infer<typeof guideLanguage>;
