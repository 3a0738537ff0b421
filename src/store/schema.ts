/**
 * Table types for Kysely. Times are integer milliseconds since the epoch in both
 * dialects, and booleans are 0/1 integers, so one query code path serves SQLite
 * and PostgreSQL alike.
 */
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export interface UsersTable {
  id: string;
  handle: string;
  /** `handle` lower-cased: uniqueness ignores case. */
  handle_key: string;
  display_name: string | null;
  about: string | null;
  /** JSON array of language codes. */
  languages: string;
  availability: "talk" | "listen" | "either" | "away";
  region: string | null;
  on_duty: number;
  password_hash: string;
  /** When the member attested being 18 or over. The birth date itself is never stored. */
  adult_attested_at: number;
  agreement_version: string;
  agreement_accepted_at: number;
  created_at: number;
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

export interface Database {
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  recovery_codes: RecoveryCodesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type Role = UserRolesTable["role"];
export type { Generated };
