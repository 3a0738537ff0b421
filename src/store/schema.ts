/**
 * Table types for Kysely. Times are integer milliseconds since the epoch in both
 * dialects, and booleans are 0/1 integers, so one query code path serves SQLite
 * and PostgreSQL alike.
 */
import type { Generated, Selectable, Updateable } from "kysely";

export interface UsersTable {
  id: string;
  handle: string;
  /** `handle` lower-cased: uniqueness ignores case. */
  handle_key: string;
  display_name: string | null;
  about: string | null;
  availability: "talk" | "listen" | "either" | "away";
  region: string | null;
  on_duty: number;
  password_hash: string;
  /** When the member attested being 18 or over. The birth date itself is never stored. */
  adult_attested_at: number;
  agreement_version: string;
  agreement_accepted_at: number;
  created_at: number;
  /** The conversation this member was matched into as a listener; not offered again until it ends. */
  listening_in: Generated<string | null>;
  /** Since when this member has been free to listen (for "longest waiting first"). */
  available_since: Generated<number | null>;
}

/** The languages a member speaks, in the order they gave them. */
export interface UserLanguagesTable {
  user_id: string;
  /** A language code such as "en" or "pt-BR". */
  language: string;
  /** The code before any region ("pt" for "pt-BR"): members who share one can talk. */
  base_language: string;
  position: number;
}

export interface UserRolesTable {
  user_id: string;
  role: "supporter" | "moderator" | "admin";
  granted_at: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  /** SHA-256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  created_at: number;
  last_used_at: number;
  expires_at: number;
}

export interface RecoveryCodesTable {
  user_id: string;
  /** SHA-256 of the code: codes carry 128 random bits, so a fast hash suffices. */
  code_hash: string;
  created_at: number;
}

export interface ConversationsTable {
  id: string;
  kind: "direct" | "group";
  title: string | null;
  topic: string | null;
  visibility: "public" | "invite" | null;
  /** JSON array of experience tag ids the room is about. */
  experiences: Generated<string>;
  /** The highest seq in this conversation's event log; bumped inside each write transaction. */
  last_seq: Generated<number>;
  created_by: string | null;
  created_at: number;
  /** When the conversation closed for new messages (a one-to-one someone left). */
  closed_at: Generated<number | null>;
  /** A room's retention in days, chosen by a facilitator; null keeps words until deleted. */
  retention_days: Generated<number | null>;
  /** "match" for conversations opened by matching. */
  origin: Generated<string | null>;
  /** A room's or matched group's language. */
  language: Generated<string | null>;
  /** A room's own agreement, set by its facilitator. */
  agreement: Generated<string | null>;
  /** JSON {weekday, time, timeZone} of a room's recurring session. */
  schedule: Generated<string | null>;
}

export interface ConversationMembersTable {
  conversation_id: string;
  user_id: string;
  role: "member" | "facilitator";
  /** The seq of this member's `member.joined` event: they see the log from there on. */
  joined_seq: number;
  read_seq: number;
  joined_at: number;
  /** 1 when this member chose "stay in touch" (one-to-ones). */
  stay_in_touch: Generated<number>;
  /** This member's retention choice in days (1, 7 or 30); null keeps words until deleted. */
  retention_days: Generated<number | null>;
}

export interface EventsTable {
  conversation_id: string;
  seq: number;
  type: string;
  actor_id: string | null;
  at: number;
  /** For message events: the message whose current state fills the event's data. */
  message_id: string | null;
  /** JSON for other events. */
  data: string | null;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  /** The seq of the message's `message.created` event. */
  seq: number;
  sender_id: string;
  client_msg_id: string;
  body: string | null;
  content_warning: string | null;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  /** When the words passed the conversation's retention and were erased. */
  expired_at: Generated<number | null>;
}

export interface BlocksTable {
  blocker_id: string;
  blocked_id: string;
  created_at: number;
}

export interface ExperienceTagsTable {
  id: string;
  label: string;
  description: string;
  position: number;
  /** A retired tag is no longer offered, but stays on the profiles that have it. */
  retired_at: number | null;
  created_at: number;
}

export interface UserExperiencesTable {
  user_id: string;
  tag_id: string;
}

export interface MatchRequestsTable {
  id: string;
  user_id: string;
  mode: "one-to-one" | "group";
  anyone: number;
  note: string | null;
  status: "waiting" | "matched" | "cancelled";
  conversation_id: string | null;
  created_at: number;
  matched_at: number | null;
  /** 1 once the requester was told that no match came in time. */
  slow_notified: Generated<number>;
}

/** The experiences a match request asked about. */
export interface MatchRequestExperiencesTable {
  request_id: string;
  tag_id: string;
}

export interface CheckinsTable {
  conversation_id: string;
  user_id: string;
  hoping_for: string | null;
  time_available: string | null;
  avoid_topics: string | null;
  updated_at: number;
}

export interface InvitesTable {
  /** SHA-256 of the invite code: the code itself is shown once, to the facilitator. */
  code_hash: string;
  conversation_id: string;
  id: string;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
}

/** The only trace a crisis notice leaves: how many there were on a UTC day. */
export interface SafetyDailyCountsTable {
  /** YYYY-MM-DD, UTC. */
  day: string;
  count: number;
}

/** The administrator's list of crisis lines and warmlines; empty means the shipped defaults. */
export interface CrisisResourcesTable {
  position: number;
  region: string;
  name: string;
  contact: string;
  kind: "crisis-line" | "warmline" | "directory" | "peer-support";
  note: string;
}

/** A supporter's current shift (started_at null: off duty) and the support conversation they serve. */
export interface SupporterShiftsTable {
  user_id: string;
  started_at: number | null;
  break_due_at: number | null;
  /** When the break nudge went out for this shift; null until then. */
  break_notified_at: number | null;
  /** The support conversation this supporter was last claimed for; free again once it closes. */
  serving_in: string | null;
}

/** One-to-ones opened by a support request or an accepted hand-off: who is the supporter. */
export interface SupportConversationsTable {
  conversation_id: string;
  /** The id `match.found` carried to the supporter. */
  request_id: string;
  member_id: string;
  supporter_id: string;
  created_at: number;
}

/** A supporter's offer to pass a conversation to another supporter, with a note only the new one reads. */
export interface HandoffsTable {
  id: string;
  conversation_id: string;
  member_id: string;
  from_supporter_id: string;
  to_supporter_id: string | null;
  note: string;
  status: "offered" | "accepted" | "declined" | "withdrawn";
  created_at: number;
  decided_at: number | null;
  /** The supporter the member was handed to: the only one who may read the note. */
  accepted_by: string | null;
  new_conversation_id: string | null;
}

export interface Database {
  users: UsersTable;
  user_languages: UserLanguagesTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  recovery_codes: RecoveryCodesTable;
  conversations: ConversationsTable;
  conversation_members: ConversationMembersTable;
  events: EventsTable;
  messages: MessagesTable;
  blocks: BlocksTable;
  experience_tags: ExperienceTagsTable;
  user_experiences: UserExperiencesTable;
  match_requests: MatchRequestsTable;
  match_request_experiences: MatchRequestExperiencesTable;
  checkins: CheckinsTable;
  invites: InvitesTable;
  safety_daily_counts: SafetyDailyCountsTable;
  crisis_resources: CrisisResourcesTable;
  supporter_shifts: SupporterShiftsTable;
  support_conversations: SupportConversationsTable;
  handoffs: HandoffsTable;
}

export type UserRow = Selectable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type Role = UserRolesTable["role"];
export type MatchRequestRow = Selectable<MatchRequestsTable>;
export type HandoffRow = Selectable<HandoffsTable>;
