/**
 * Sessions: opaque 256-bit bearer tokens, stored only as a hash, with an idle
 * and an absolute lifetime (OWASP Session Management Cheat Sheet). A session is
 * stored, so a token survives server restarts until it expires or is ended.
 */
import { newId } from "../../store/ids.js";
import type { Store } from "../../store/database.js";
import type { Notifier } from "../notifier.js";
import type { SessionRow, UserRow } from "../../store/schema.js";
import { newSessionToken, sha256 } from "./secrets.js";

export interface SessionLifetimes {
  idleMs: number;
  absoluteMs: number;
}

export interface ResolvedSession {
  session: SessionRow;
  user: UserRow;
}

/** last_used_at is written at most this often per session, so reads stay reads. */
const touchIntervalMs = 60_000;

export class Sessions {
  constructor(
    private readonly db: Store,
    readonly lifetimes: SessionLifetimes,
    private readonly notify: Notifier,
  ) {}

  /** Inserts a new session inside the caller's transaction; returns the token (shown once). */
  async create(trx: Store, userId: string, now = Date.now()): Promise<{ token: string; session: SessionRow }> {
    const token = newSessionToken();
    const session: SessionRow = {
      id: newId(now),
      user_id: userId,
      token_hash: sha256(token),
      created_at: now,
      last_used_at: now,
      expires_at: now + this.lifetimes.absoluteMs,
    };
    await trx.insertInto("sessions").values(session).execute();
    return { token, session };
  }

  /** The live session and member for a token, or null when unknown, ended or expired. */
  async resolve(token: string, now = Date.now()): Promise<ResolvedSession | null> {
    const row = await this.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .selectAll("users")
      .select(["sessions.id as session_id", "sessions.created_at as session_created_at", "sessions.last_used_at", "sessions.expires_at", "sessions.token_hash"])
      .where("sessions.token_hash", "=", sha256(token))
      .executeTakeFirst();
    if (!row) return null;
    if (row.expires_at <= now || row.last_used_at + this.lifetimes.idleMs <= now) {
      await this.db.deleteFrom("sessions").where("id", "=", row.session_id).execute();
      return null;
    }
    if (now - row.last_used_at >= touchIntervalMs) {
      await this.db.updateTable("sessions").set({ last_used_at: now }).where("id", "=", row.session_id).execute();
    }
    const { session_id, session_created_at, last_used_at, expires_at, token_hash, ...user } = row;
    return {
      user,
      session: { id: session_id, user_id: user.id, token_hash, created_at: session_created_at, last_used_at, expires_at },
    };
  }

  async list(userId: string): Promise<SessionRow[]> {
    const now = Date.now();
    const rows = await this.db
      .selectFrom("sessions")
      .selectAll()
      .where("user_id", "=", userId)
      .where("expires_at", ">", now)
      .orderBy("created_at", "desc")
      .execute();
    return rows.filter((s) => s.last_used_at + this.lifetimes.idleMs > now);
  }

  /** Ends one of the member's sessions and closes its sockets; false when it is not theirs or does not exist. */
  async end(userId: string, sessionId: string): Promise<boolean> {
    const result = await this.db.deleteFrom("sessions").where("id", "=", sessionId).where("user_id", "=", userId).executeTakeFirst();
    if (result.numDeletedRows === 0n) return false;
    this.notify.sessionEnded(userId, sessionId);
    return true;
  }

  /** Ends every session of the member except `keepSessionId` ("sign out everywhere else"); their sockets close. */
  async endOthers(userId: string, keepSessionId: string): Promise<number> {
    const ended = await this.db.deleteFrom("sessions").where("user_id", "=", userId).where("id", "!=", keepSessionId).returning("id").execute();
    for (const row of ended) this.notify.sessionEnded(userId, row.id);
    return ended.length;
  }

  /** Tells every node that all of a member's earlier sessions ended (after the commit that ended them). */
  endedAll(userId: string): void {
    this.notify.sessionEnded(userId, null);
  }
}
