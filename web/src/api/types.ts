/**
 * Every wire type the web client uses, in one module (protocol.md, version 1).
 * Request bodies come from the server's zod schemas in src/protocol/ and the error catalogue
 * from src/protocol/errors.ts; answers without a schema yet are written out here.
 * Only `import type`: no server code can end up in the bundle.
 */
import type { z } from "zod";
import type { UserView } from "../../../src/domain/accounts/user-view.js";
import type { ErrorCode } from "../../../src/protocol/errors.js";
import type { ConversationEvent } from "../../../src/protocol/events.js";
import type { recoverBody, signInBody, signUpBody, updateMeBody } from "../../../src/protocol/http/accounts.js";
import type { matchRequestBody } from "../../../src/protocol/http/matching.js";

export type { ConversationEvent, ErrorCode };
export type User = UserView;
export type Availability = User["availability"];

export type SignUpBody = z.input<typeof signUpBody>;
export type SignInBody = z.input<typeof signInBody>;
export type RecoverBody = z.input<typeof recoverBody>;
export type UpdateMeBody = z.input<typeof updateMeBody>;
export type MatchRequestBody = z.input<typeof matchRequestBody>;

/** `{"error": {...}}` of every 4xx/5xx answer and every socket `error` frame. */
export interface WireError {
  code: ErrorCode | string;
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
  details?: Record<string, unknown>;
}

export interface SignedIn {
  user: User;
  token: string;
}

export interface SignedUp extends SignedIn {
  recoveryCodes: string[];
}

export interface Session {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  current: boolean;
}

export interface Experience {
  id: string;
  label: string;
  description: string;
}

export interface Resource {
  region: string;
  name: string;
  contact: string;
  kind: "crisis-line" | "warmline" | "directory" | "peer-support";
  note: string;
}

export interface MatchRequest {
  id: string;
  status: "waiting" | "matched" | "cancelled" | string;
  mode: "one-to-one" | "group";
  experiences: string[];
  anyone: boolean;
  conversationId?: string;
  createdAt: string;
  waitedMs: number;
  slow: boolean;
  suggestions?: { groups: Array<{ id: string; title: string | null; topic: string | null }>; resources: Resource[] };
}

export interface ConversationMember {
  userId: string;
  handle: string;
  displayName: string | null;
  role: "member" | "facilitator";
}

export interface Conversation {
  id: string;
  kind: "direct" | "group";
  title: string | null;
  topic: string | null;
  members: ConversationMember[];
  lastSeq: number;
  readSeq: number;
  unread: number;
  closed: boolean;
  origin: string | null;
}

/** Server → client socket frames the client acts on (protocol.md "WebSocket"). */
export type ServerFrame =
  | { op: "hello"; heartbeatMs: number; sessionId: string }
  | { op: "event"; event: ConversationEvent }
  | { op: "ack"; ref: string | number; messageId: string; seq: number }
  | { op: "gap"; conversationId: string; fromSeq: number; toSeq: number }
  | { op: "synced" }
  | { op: "pong"; t?: number | string }
  | { op: "error"; ref?: string | number; error: WireError }
  | { op: "match.found"; requestId: string; conversationId: string }
  | { op: "match.slow"; requestId: string }
  | { op: "read"; conversationId: string; userId: string; seq: number }
  | { op: "typing"; conversationId: string; userId: string; expiresInMs: number }
  | { op: "presence"; userId: string; status: string }
  | { op: "safety"; ref?: string | number; conversationId: string; kind: string; resources: Resource[]; actions: string[] };

/** Client → server socket frames. */
export type ClientFrame =
  | { op: "resume"; since: Record<string, number> }
  | { op: "send"; ref: string; conversationId: string; clientMsgId: string; body: string; contentWarning?: string }
  | { op: "read"; conversationId: string; seq: number }
  | { op: "typing"; conversationId: string }
  | { op: "ping"; t: number };
