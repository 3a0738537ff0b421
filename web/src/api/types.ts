/**
 * Every wire type the web client uses, in one module, all inferred from the
 * contract's zod schemas in src/protocol/ (the same ones the server validates
 * and serializes with, and that docs/api.md is generated from).
 * Only `import type`: no server code can end up in the bundle.
 */
import type { z } from "zod";
import type { ConversationEvent, Resource, User } from "../../../src/protocol/common.js";
import type { ErrorBody, ErrorCode } from "../../../src/protocol/errors.js";
import type { accountRoutes, recoverBody, session, signInBody, signUpBody, updateMeBody } from "../../../src/protocol/rest/accounts.js";
import type {
  checkin,
  conversation,
  conversationRoutes,
  createConversationBody,
  member,
  schedule,
  stayInTouch,
} from "../../../src/protocol/rest/conversations.js";
import type { experience } from "../../../src/protocol/rest/experiences.js";
import type { matchRequest, matchRequestBody } from "../../../src/protocol/rest/matching.js";
import type { deleteMeBody, myDataExport, privacyRoutes, retentionBody } from "../../../src/protocol/rest/privacy.js";
import type { GuideLanguage, handoffBody, resourceInput, supportRoutes } from "../../../src/protocol/rest/support.js";
import type { roomListing, roomRoutes, roomsQuery } from "../../../src/protocol/rest/rooms.js";
import type { blockedMember } from "../../../src/protocol/rest/safety.js";
import type { ClientFrame } from "../../../src/protocol/ws/client-frames.js";
import type { ServerFrame } from "../../../src/protocol/ws/server-frames.js";

export type { ClientFrame, ConversationEvent, ErrorCode, Resource, ServerFrame, User };
export type Availability = User["availability"];

export type SignUpBody = z.input<typeof signUpBody>;
export type SignInBody = z.input<typeof signInBody>;
export type RecoverBody = z.input<typeof recoverBody>;
export type UpdateMeBody = z.input<typeof updateMeBody>;
export type MatchRequestBody = z.input<typeof matchRequestBody>;
export type DeleteMeBody = z.input<typeof deleteMeBody>;

/** `{"error": {...}}` of every 4xx/5xx answer and every socket `error` frame. */
export type WireError = ErrorBody;

export type SignedIn = z.output<(typeof accountRoutes)["signIn"]["response"][200]>;
export type SignedUp = z.output<(typeof accountRoutes)["signUp"]["response"][201]>;
export type Session = z.output<typeof session>;
export type Experience = z.output<typeof experience>;
export type MatchRequest = z.output<typeof matchRequest>;
export type ConversationMember = z.output<typeof member>;
export type Conversation = z.output<typeof conversation>;
/** Everything stored about the member (GET /api/v1/me/export). */
export type MyDataExport = z.output<typeof myDataExport>;

export type ResourceInput = z.input<typeof resourceInput>;
export type HandoffBody = z.input<typeof handoffBody>;
export type { GuideLanguage };
export type SupportOpened = z.output<(typeof supportRoutes)["requestSupport"]["response"][201]>;
export type HandoffOffered = z.output<(typeof supportRoutes)["offerHandoff"]["response"][201]>;
export type HandoffNote = z.output<(typeof supportRoutes)["getHandoff"]["response"][200]>["handoff"];
export type Guide = z.output<(typeof supportRoutes)["guide"]["response"][200]>["guide"];
/** The private notice a member gets after writing words of crisis (the `safety` frame). */
export type SafetyFrame = Extract<ServerFrame, { op: "safety" }>;
export type HandoffOfferFrame = Extract<ServerFrame, { op: "handoff.offer" }>;
export type HandoffDecidedFrame = Extract<ServerFrame, { op: "handoff.decided" }>;
export type HandoffStatus = z.output<(typeof supportRoutes)["handoffStatus"]["response"][200]>["status"];
export type Checkin = z.output<typeof checkin>;
export type CheckinBody = z.input<(typeof conversationRoutes)["checkin"]["body"]>;
export type StayInTouch = z.output<typeof stayInTouch>;
export type Schedule = z.output<typeof schedule>;
export type Weekday = Schedule["weekday"];
export type CreateRoomBody = z.input<typeof createConversationBody>;
export type RoomListing = z.output<typeof roomListing>;
export type RoomsQuery = z.input<typeof roomsQuery>;
export type Invite = z.output<(typeof roomRoutes)["listInvites"]["response"][200]>["invites"][number];
export type NewInvite = z.output<(typeof roomRoutes)["createInvite"]["response"][201]>["invite"];
/** Who can read a conversation, in the server's words, and how long its words are kept. */
export type ConversationPrivacy = z.output<(typeof privacyRoutes)["conversationPrivacy"]["response"][200]>;
/** A retention choice: 1, 7 or 30 days, or null to keep words until someone deletes them. */
export type RetentionChoice = z.input<typeof retentionBody>["days"];
export type RetentionSet = z.output<(typeof privacyRoutes)["setRetention"]["response"][200]>;
/** One member I blocked, as GET /api/v1/blocks lists them. */
export type BlockedMember = z.output<typeof blockedMember>;
