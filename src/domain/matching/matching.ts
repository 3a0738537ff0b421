/**
 * One-to-one matching (protocol.md "Experiences and matching"). A request is
 * matched at once when it can be; otherwise it waits, and is tried again when
 * a listener becomes free (oldest request first) and by a periodic sweep.
 *
 * A match is one transaction that claims both sides with conditional updates
 * (the request must still be waiting; the listener must still be free, or the
 * other request still waiting) and opens the conversation. A claim that lost a
 * race rolls back alone and the next candidate is tried, so one listener is
 * never matched to two requests, on one node or several.
 */
import { newId } from "../../store/ids.js";
import { KindredError, badRequest } from "../../protocol/errors.js";
import type { Store } from "../../store/database.js";
import type { GroupCommit } from "../../store/group-commit.js";
import type { MatchRequestRow } from "../../store/schema.js";
import { type Conversations, openDirect } from "../conversations/conversations.js";
import type { Experiences } from "../experiences/experiences.js";
import type { Notifier } from "../notifier.js";
import type { Resource } from "../safety/resources.js";
import type { CandidateSearch } from "./candidates.js";
import { ClaimLost, claimListener, claimRequest } from "./claims.js";
import type { GroupMatching, MatchObserver } from "./groups.js";
import type { Candidate } from "./ranking.js";
import { experiencesOfRequest, setRequestExperiences } from "./request-experiences.js";

export interface MatchRequestInput {
  experiences: string[];
  mode: "one-to-one" | "group";
  anyone?: boolean;
  note?: string;
}

export interface MatchRequestView {
  id: string;
  status: MatchRequestRow["status"];
  mode: MatchRequestRow["mode"];
  experiences: string[];
  anyone: boolean;
  conversationId?: string;
  createdAt: string;
  waitedMs: number;
  /** True once the request has waited longer than the instance's "slow" threshold. */
  slow: boolean;
  /** While slow: open groups on the same experiences and the instance's warmlines. */
  suggestions?: { groups: Array<{ id: string; title: string | null; topic: string | null }>; resources: Resource[] };
}

export interface MatchingOptions {
  slowAfterMs: number;
  resources: Resource[];
  onMatched?: MatchObserver;
}

export class Matching {
  /**
   * Candidates this node is claiming right now. Concurrent requests skip them and
   * claim someone else instead of all racing for the same best listener; the
   * conditional updates in the database stay the truth across nodes.
   */
  private readonly claiming = new Set<string>();
  /** Listeners matched on this node in the last few seconds: skipped without a query. */
  private readonly justMatched = new Map<string, number>();

  constructor(
    private readonly db: Store,
    private readonly commit: GroupCommit,
    private readonly notify: Notifier,
    private readonly conversations: Conversations,
    private readonly experiences: Experiences,
    private readonly candidates: CandidateSearch,
    private readonly groups: GroupMatching,
    private readonly options: MatchingOptions,
  ) {}

  private rememberMatched(userId: string, now = Date.now()): void {
    if (this.justMatched.size > 10_000) {
      for (const [id, at] of this.justMatched) if (now - at >= 5_000) this.justMatched.delete(id);
    }
    this.justMatched.set(userId, now);
  }

  /** Whether this node knows `userId` to be taken right now (for candidate search). */
  isTaken = (userId: string, now = Date.now()): boolean => {
    if (this.claiming.has(userId)) return true;
    const at = this.justMatched.get(userId);
    if (at === undefined) return false;
    if (now - at < 5_000) return true;
    this.justMatched.delete(userId);
    return false;
  };

  /** POST /api/v1/match-requests, deciding half: tags must be on offer; some tag or "anyone". */
  async checkRequest(input: MatchRequestInput): Promise<void> {
    await this.experiences.checkOffered(input.experiences);
    if (input.experiences.length === 0 && !input.anyone) {
      throw badRequest("experiences", "pick at least one experience, or ask to talk with anyone");
    }
  }

  /**
   * POST /api/v1/match-requests, writing half: stores the request and tries to
   * match it now. A second request while one of the same mode waits returns that one.
   */
  async doRequest(userId: string, input: MatchRequestInput, now = Date.now()): Promise<MatchRequestView> {
    const existing = await this.db
      .selectFrom("match_requests")
      .selectAll()
      .where("user_id", "=", userId)
      .where("mode", "=", input.mode)
      .where("status", "=", "waiting")
      .executeTakeFirst();
    if (existing) return this.view(existing);
    const row: MatchRequestRow = {
      id: newId(now),
      user_id: userId,
      mode: input.mode,
      anyone: input.anyone ? 1 : 0,
      note: input.note ?? null,
      status: "waiting",
      conversation_id: null,
      created_at: now,
      matched_at: null,
      slow_notified: 0,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto("match_requests").values(row).execute();
      await setRequestExperiences(trx, row.id, input.experiences);
    });
    if (row.mode === "one-to-one") await this.tryMatch(row);
    else await this.groups.tryPlace(row);
    return this.get(userId, row.id);
  }

  /** GET /api/v1/match-requests/:id: the requester's own requests only. */
  async get(userId: string, requestId: string): Promise<MatchRequestView> {
    const row = await this.db.selectFrom("match_requests").selectAll().where("id", "=", requestId).where("user_id", "=", userId).executeTakeFirst();
    if (!row) throw new KindredError("NOT_FOUND");
    return this.view(row);
  }

  /** DELETE /api/v1/match-requests/:id: stops waiting; a request already matched stays matched. */
  async cancel(userId: string, requestId: string): Promise<void> {
    await this.get(userId, requestId);
    await this.db.updateTable("match_requests").set({ status: "cancelled" }).where("id", "=", requestId).where("status", "=", "waiting").execute();
  }

  /** Tries the candidates in rank order until one claim wins; false when none did. */
  async tryMatch(request: MatchRequestRow, only?: string): Promise<boolean> {
    // When every candidate was being claimed by a concurrent request, look again: others exist.
    for (let attempt = 0; attempt < 5; attempt++) {
      if (this.claiming.has(request.user_id)) return false;
      let skipped = false;
      for (const candidate of await this.candidates.find(request, only)) {
        if (this.isTaken(candidate.userId) || this.claiming.has(request.user_id)) {
          skipped = true;
          continue;
        }
        this.claiming.add(candidate.userId);
        this.claiming.add(request.user_id);
        try {
          if (await this.claim(request, candidate)) {
            this.rememberMatched(candidate.userId);
            return true;
          }
        } finally {
          this.claiming.delete(candidate.userId);
          this.claiming.delete(request.user_id);
        }
      }
      if (!skipped) return false;
    }
    return false;
  }

  /**
   * A member became free to listen (socket opened, availability set, chat ended):
   * the longest-waiting request they fit is served first.
   */
  async listenerAvailable(userId: string): Promise<boolean> {
    this.justMatched.delete(userId);
    const user = await this.db.selectFrom("users").select(["availability", "listening_in"]).where("id", "=", userId).executeTakeFirst();
    if (!user || user.listening_in !== null || (user.availability !== "listen" && user.availability !== "either")) return false;
    const waiting = await this.db
      .selectFrom("match_requests")
      .selectAll()
      .where("status", "=", "waiting")
      .where("mode", "=", "one-to-one")
      .where("user_id", "!=", userId)
      .orderBy("created_at")
      .limit(500)
      .execute();
    for (const request of waiting) {
      if (await this.tryMatch(request, userId)) return true;
    }
    return false;
  }

  /** The periodic sweep: retry waiting requests, oldest first, and tell the slow ones. */
  async sweep(now = Date.now()): Promise<void> {
    const waiting = await this.db.selectFrom("match_requests").selectAll().where("status", "=", "waiting").orderBy("created_at").limit(200).execute();
    for (const request of waiting) {
      const placed = request.mode === "one-to-one" ? await this.tryMatch(request) : await this.groups.tryPlace(request);
      if (placed) continue;
      if (request.slow_notified === 0 && now - Number(request.created_at) >= this.options.slowAfterMs) {
        const marked = await this.db
          .updateTable("match_requests")
          .set({ slow_notified: 1 })
          .where("id", "=", request.id)
          .where("slow_notified", "=", 0)
          .executeTakeFirst();
        if (marked.numUpdatedRows > 0n) {
          const view = await this.view({ ...request, slow_notified: 1 }, now);
          this.notify.toUser(request.user_id, { op: "match.slow", requestId: request.id, suggestions: view.suggestions });
        }
      }
    }
  }

  private async claim(request: MatchRequestRow, candidate: Candidate, now = Date.now()): Promise<boolean> {
    try {
      await this.commit.run(
        async (trx) => {
          const joined = await openDirect(trx, request.user_id, candidate.userId, "match", now);
          const conversationId = joined.conversationId;
          await claimRequest(trx, request.id, conversationId, now);
          if (candidate.requestId) await claimRequest(trx, candidate.requestId, conversationId, now);
          else await claimListener(trx, candidate.userId, conversationId);
          return joined;
        },
        (joined) => {
          this.conversations.announce(joined);
          const conversationId = joined.conversationId;
          this.notify.toUser(request.user_id, { op: "match.found", requestId: request.id, conversationId });
          this.notify.toUser(candidate.userId, { op: "match.found", requestId: candidate.requestId ?? request.id, conversationId });
          this.options.onMatched?.("one-to-one", now - Number(request.created_at));
        },
      );
      return true;
    } catch (err) {
      if (err instanceof ClaimLost) return false;
      throw err;
    }
  }

  private async view(row: MatchRequestRow, now = Date.now()): Promise<MatchRequestView> {
    const waitedMs = Math.max(0, (row.matched_at ?? now) - Number(row.created_at));
    const experiences = await experiencesOfRequest(this.db, row.id);
    const slow = row.status === "waiting" && waitedMs >= this.options.slowAfterMs;
    const view: MatchRequestView = {
      id: row.id,
      status: row.status,
      mode: row.mode,
      experiences,
      anyone: row.anyone === 1,
      createdAt: new Date(Number(row.created_at)).toISOString(),
      waitedMs,
      slow,
    };
    if (row.conversation_id) view.conversationId = row.conversation_id;
    if (slow) view.suggestions = { groups: await this.openGroupsOn(experiences), resources: this.options.resources.filter((r) => r.kind !== "crisis-line") };
    return view;
  }

  /** Public groups that are about any of these experiences (or all public groups when none are given). */
  private async openGroupsOn(experiences: string[]): Promise<Array<{ id: string; title: string | null; topic: string | null }>> {
    const rows = await this.db
      .selectFrom("conversations")
      .select(["id", "title", "topic", "experiences"])
      .where("kind", "=", "group")
      .where("visibility", "=", "public")
      .where("closed_at", "is", null)
      .orderBy("created_at", "desc")
      .limit(200)
      .execute();
    return rows
      .filter((r) => experiences.length === 0 || (JSON.parse(r.experiences) as string[]).some((e) => experiences.includes(e)))
      .slice(0, 10)
      .map(({ id, title, topic }) => ({ id, title, topic }));
  }
}
