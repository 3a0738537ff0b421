/**
 * The one typed client of Kindred's REST API (protocol.md). Browsers authenticate with the
 * session cookie; fetch sends our own Origin on every state-changing request, as the server asks.
 */
import { ApiError, networkError } from "./errors";
import type {
  BlockedMember,
  Checkin,
  CheckinBody,
  Conversation,
  ConversationEvent,
  ConversationPrivacy,
  CreateRoomBody,
  DeleteMeBody,
  Experience,
  Guide,
  GuideLanguage,
  HandoffBody,
  HandoffNote,
  HandoffOffered,
  HandoffStatus,
  Invite,
  NewInvite,
  MatchRequest,
  MatchRequestBody,
  MyDataExport,
  RecoverBody,
  Resource,
  ResourceInput,
  RetentionChoice,
  RetentionSet,
  RoomListing,
  RoomsQuery,
  Session,
  SignInBody,
  SignUpBody,
  SignedIn,
  SignedUp,
  SupportOpened,
  StayInTouch,
  UpdateMeBody,
  User,
  WireError,
} from "./types";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => undefined)) as { error?: WireError } | undefined;
  if (!response.ok) throw new ApiError(response.status, json?.error);
  return json as T;
}

export const api = {
  signUp: (body: SignUpBody) => request<SignedUp>("POST", "/api/v1/accounts", body),
  signIn: (body: SignInBody) => request<SignedIn>("POST", "/api/v1/sessions", body),
  recover: (body: RecoverBody) => request<SignedUp>("POST", "/api/v1/accounts/recover", body),
  signOut: () => request<void>("DELETE", "/api/v1/sessions/current"),
  sessions: () => request<{ sessions: Session[] }>("GET", "/api/v1/sessions"),
  endSession: (id: string) => request<void>("DELETE", `/api/v1/sessions/${encodeURIComponent(id)}`),

  me: () => request<{ user: User }>("GET", "/api/v1/me"),
  updateMe: (body: UpdateMeBody) => request<{ user: User }>("PATCH", "/api/v1/me", body),
  exportMe: () => request<MyDataExport>("GET", "/api/v1/me/export"),
  /** Deletes the account for good; a wrong password is FORBIDDEN with `details.field: "password"`. */
  deleteMe: (body: DeleteMeBody) => request<void>("DELETE", "/api/v1/me", body),

  resources: (region?: string | null) =>
    request<{ resources: Resource[] }>("GET", region ? `/api/v1/resources?region=${encodeURIComponent(region)}` : "/api/v1/resources"),
  experiences: () => request<{ experiences: Experience[] }>("GET", "/api/v1/experiences"),

  askToTalk: (body: MatchRequestBody) => request<{ request: MatchRequest }>("POST", "/api/v1/match-requests", body),
  matchRequest: (id: string) => request<{ request: MatchRequest }>("GET", `/api/v1/match-requests/${encodeURIComponent(id)}`),
  cancelMatchRequest: (id: string) => request<void>("DELETE", `/api/v1/match-requests/${encodeURIComponent(id)}`),

  conversations: () => request<{ conversations: Conversation[] }>("GET", "/api/v1/conversations"),
  conversation: (id: string) => request<{ conversation: Conversation }>("GET", `/api/v1/conversations/${encodeURIComponent(id)}`),
  events: (id: string, query: { beforeSeq?: number; afterSeq?: number; limit?: number } = {}) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const suffix = params.size ? `?${params.toString()}` : "";
    return request<{ events: ConversationEvent[]; hasMore: boolean }>("GET", `/api/v1/conversations/${encodeURIComponent(id)}/events${suffix}`);
  },

  requestSupport: (fromConversationId?: string) => request<SupportOpened>("POST", "/api/v1/support-requests", fromConversationId ? { fromConversationId } : {}),
  offerHandoff: (conversationId: string, body: HandoffBody) =>
    request<HandoffOffered>("POST", `/api/v1/conversations/${encodeURIComponent(conversationId)}/handoff`, body),
  acceptHandoff: (id: string) => request<{ conversationId: string }>("POST", `/api/v1/handoffs/${encodeURIComponent(id)}/accept`),
  declineHandoff: (id: string) => request<void>("POST", `/api/v1/handoffs/${encodeURIComponent(id)}/decline`),
  handoff: (id: string) => request<{ handoff: HandoffNote }>("GET", `/api/v1/handoffs/${encodeURIComponent(id)}`),
  handoffStatus: (id: string) => request<{ status: HandoffStatus }>("GET", `/api/v1/handoffs/${encodeURIComponent(id)}/status`),
  guide: (lang: GuideLanguage) => request<{ guide: Guide }>("GET", `/api/v1/guide?lang=${lang}`),
  replaceResources: (resources: ResourceInput[]) => request<{ resources: Resource[] }>("PUT", "/api/v1/admin/resources", { resources }),
  saveCheckin: (id: string, body: CheckinBody) => request<{ checkin: Checkin }>("PUT", `/api/v1/conversations/${encodeURIComponent(id)}/checkin`, body),
  stayInTouch: (id: string, stay: boolean) =>
    request<{ stayInTouch: StayInTouch }>("POST", `/api/v1/conversations/${encodeURIComponent(id)}/stay-in-touch`, { stay }),
  leave: (id: string) => request<void>("DELETE", `/api/v1/conversations/${encodeURIComponent(id)}/members/me`),
  privacy: (id: string) => request<ConversationPrivacy>("GET", `/api/v1/conversations/${encodeURIComponent(id)}/privacy`),
  setRetention: (id: string, days: RetentionChoice) => request<RetentionSet>("PUT", `/api/v1/conversations/${encodeURIComponent(id)}/retention`, { days }),
  blocks: () => request<{ blocks: BlockedMember[] }>("GET", "/api/v1/blocks"),
  block: (userId: string) => request<void>("POST", "/api/v1/blocks", { userId }),
  unblock: (userId: string) => request<void>("DELETE", `/api/v1/blocks/${encodeURIComponent(userId)}`),

  rooms: (query: RoomsQuery = {}) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    return request<{ rooms: RoomListing[] }>("GET", `/api/v1/rooms${params.size ? `?${params.toString()}` : ""}`);
  },
  createRoom: (body: CreateRoomBody) => request<{ conversation: Conversation }>("POST", "/api/v1/conversations", body),
  joinRoom: (id: string) => request<{ conversation: Conversation }>("POST", `/api/v1/conversations/${encodeURIComponent(id)}/members`, {}),
  removeMember: (id: string, userId: string) =>
    request<void>("DELETE", `/api/v1/conversations/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`),
  invites: (id: string) => request<{ invites: Invite[] }>("GET", `/api/v1/conversations/${encodeURIComponent(id)}/invites`),
  createInvite: (id: string) => request<{ invite: NewInvite }>("POST", `/api/v1/conversations/${encodeURIComponent(id)}/invites`, {}),
  revokeInvite: (id: string, inviteId: string) =>
    request<void>("DELETE", `/api/v1/conversations/${encodeURIComponent(id)}/invites/${encodeURIComponent(inviteId)}`),
  acceptInvite: (code: string) => request<{ conversation: Conversation }>("POST", `/api/v1/invites/${encodeURIComponent(code)}`, {}),
};
