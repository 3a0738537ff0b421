/**
 * Finding who may be matched with a one-to-one request (protocol.md
 * "Experiences and matching"): online listeners (availability `listen` or
 * `either`, not already listening in a match) and members with a waiting
 * one-to-one request of their own, online or not; who share an experience
 * unless either side asked for anyone, share a language, are not blocked either
 * way, and are not already in a live one-to-one with the requester.
 */
import type { PresenceRegistry } from "../presence.js";
import type { Store } from "../../store/database.js";
import type { MatchRequestRow } from "../../store/schema.js";
import type { Blocks } from "../safety/blocks.js";
import { type Expression, type SqlBool, sql } from "kysely";
import { matchingBasesOf } from "../accounts/languages.js";
import { hasProfileExperience, noLiveOneToOneWith, notBlockedEitherWay, requestAsksAbout, speaksAnyOf } from "./compatibility.js";
import { type Candidate, rankCandidates, sharedExperiences } from "./ranking.js";
import { experiencesOfRequest, experiencesOfRequests } from "./request-experiences.js";

/** How many requests or listeners are looked at per query. */
const pageSize = 100;

/**
 * How long a page of ranked free listeners is reused by other requests on this
 * node. When many members ask at once they share one ranking query instead of
 * each running it; listeners taken meanwhile are skipped (see `taken`), and one
 * taken on another node just loses its claim, as any race does.
 */
const pageReuseMs = 200;

type ListenerRow = { id: string; on_duty: number; available_since: number | null; created_at: number };

/** Who a search is for: the requester, what they asked about, and the languages they speak. */
interface Seeker {
  userId: string;
  wanted: string[];
  anyone: boolean;
  bases: string[];
}

export class CandidateSearch {
  /**
   * The first page of ranked free listeners per (experiences, anyone, languages),
   * shared while fresh, even while still being read. Only a requester with no
   * blocks and no live one-to-one stores one, so a shared page leaves out
   * nobody a later requester could be matched with but the first requester
   * themself; each reuser still drops its own exclusions.
   */
  private readonly pages = new Map<string, { at: number; rows: Promise<ListenerRow[]> }>();

  constructor(
    private readonly db: Store,
    private readonly blocks: Blocks,
    private readonly presence: PresenceRegistry,
    /** Listeners this node knows to be taken just now (being claimed, or matched a moment ago). */
    private readonly taken: (userId: string) => boolean = () => false,
  ) {}

  /** Ranked candidates for `request`; `only` narrows the search to one member. */
  async find(request: MatchRequestRow, only?: string): Promise<Candidate[]> {
    const seeker: Seeker = {
      userId: request.user_id,
      wanted: await experiencesOfRequest(this.db, request.id),
      anyone: request.anyone === 1,
      bases: await matchingBasesOf(this.db, request.user_id),
    };
    const apart = [...(await this.blocks.setsFor(request.user_id)).apart, ...(await this.livePartners(request.user_id))];
    const excluded = new Set([request.user_id, ...apart]);

    // The longest-waiting compatible requests first; later ones are reached by their own turn or the sweep.
    let waiting = this.compatible(
      this.db
        .selectFrom("match_requests as r")
        .innerJoin("users as u", "u.id", "r.user_id")
        .select(["r.id", "r.user_id", "r.anyone", "r.created_at", "u.on_duty"])
        .where("r.status", "=", "waiting")
        .where("r.mode", "=", "one-to-one")
        .where("r.id", "!=", request.id),
      "r.user_id",
      seeker,
    );
    if (!seeker.anyone) {
      waiting = waiting.where((eb) =>
        eb.or([eb("r.anyone", "=", 1), requestAsksAbout("r.id", seeker.wanted), hasProfileExperience("r.user_id", seeker.wanted)]),
      );
    }
    if (only) waiting = waiting.where("r.user_id", "=", only);
    const requesters = await waiting.orderBy("r.created_at").limit(pageSize).execute();
    const requesterIds = new Set(requesters.map((r) => r.user_id));
    const onlineListeners = await this.onlineListeners(seeker, only, apart.length === 0, (id) => !excluded.has(id) && !requesterIds.has(id));

    const ids = [...requesters.map((r) => r.user_id), ...onlineListeners.map((l) => l.id)];
    if (ids.length === 0) return [];
    const profileTags = await this.tagsOf(ids);
    const requestTags = await experiencesOfRequests(
      this.db,
      requesters.map((r) => r.id),
    );
    const supporters = await this.supportersAmong(ids);
    const openChats = await this.openChatsOf(ids);

    const candidates: Candidate[] = [];
    for (const r of requesters) {
      candidates.push({
        userId: r.user_id,
        kind: "requester",
        requestId: r.id,
        shared: sharedExperiences(seeker.wanted, [...(profileTags.get(r.user_id) ?? []), ...(requestTags.get(r.id) ?? [])]),
        onDutySupporter: r.on_duty === 1 && supporters.has(r.user_id),
        openChats: openChats.get(r.user_id) ?? 0,
        waitingSince: Number(r.created_at),
      });
    }
    for (const l of onlineListeners) {
      candidates.push({
        userId: l.id,
        kind: "listener",
        shared: sharedExperiences(seeker.wanted, profileTags.get(l.id) ?? []),
        onDutySupporter: l.on_duty === 1 && supporters.has(l.id),
        openChats: openChats.get(l.id) ?? 0,
        waitingSince: Number(l.available_since ?? l.created_at),
      });
    }
    return rankCandidates(candidates);
  }

  /** Narrows a query to members (in `column`) the seeker may be matched with: language, blocks, live chats. */
  private compatible<Q extends { where(expression: Expression<SqlBool>): Q }>(query: Q, column: string, seeker: Seeker): Q {
    return query
      .where(sql<SqlBool>`${sql.ref(column)} <> ${seeker.userId}`)
      .where(speaksAnyOf(column, seeker.bases))
      .where(notBlockedEitherWay(column, seeker.userId))
      .where(noLiveOneToOneWith(column, seeker.userId));
  }

  /**
   * Free, compatible listeners in rank order (most shared experiences, on-duty
   * supporters, longest free), a page at a time, until a page has someone
   * online: the database filters and ranks, so a thousand free listeners cost
   * one query, not a thousand, and a page never fills up with members who could
   * not be matched anyway.
   */
  private async onlineListeners(seeker: Seeker, only: string | undefined, shareable: boolean, allowed: (id: string) => boolean) {
    const usable = (rows: ListenerRow[]) => rows.filter((u) => allowed(u.id) && !this.taken(u.id));
    const key = `${seeker.anyone}:${[...seeker.wanted].sort().join(",")}:${[...seeker.bases].sort().join(",")}`;
    const reused = only ? undefined : this.pages.get(key);
    if (reused && Date.now() - reused.at < pageReuseMs) {
      const listeners = usable(await reused.rows);
      const online = await this.presence.onlineAmong(listeners.map((l) => l.id));
      const found = listeners.filter((l) => online.has(l.id));
      if (found.length > 0) return found;
    }
    for (let offset = 0; ; offset += pageSize) {
      const read = this.rankedFree(seeker, only, offset);
      if (offset === 0 && !only && shareable) this.pages.set(key, { at: Date.now(), rows: read });
      const page = await read;
      const listeners = usable(page);
      const online = await this.presence.onlineAmong(listeners.map((l) => l.id));
      const found = listeners.filter((l) => online.has(l.id));
      if (found.length > 0 || page.length < pageSize) return found;
    }
  }

  private rankedFree(seeker: Seeker, only: string | undefined, offset: number): Promise<ListenerRow[]> {
    const tags = seeker.wanted.length ? seeker.wanted : [""];
    let free = this.compatible(
      this.db
        .selectFrom("users as u")
        .select(["u.id", "u.on_duty", "u.available_since", "u.created_at"])
        .select((eb) =>
          eb
            .selectFrom("user_experiences as ue")
            .select(eb.fn.countAll<number>().as("n"))
            .whereRef("ue.user_id", "=", "u.id")
            .where("ue.tag_id", "in", tags)
            .as("shared"),
        )
        .select((eb) =>
          eb
            .case()
            .when(
              eb.and([
                eb("u.on_duty", "=", 1),
                eb.exists(eb.selectFrom("user_roles as r").select("r.user_id").whereRef("r.user_id", "=", "u.id").where("r.role", "=", "supporter")),
              ]),
            )
            .then(1)
            .else(0)
            .end()
            .as("duty"),
        )
        .where("u.availability", "in", ["listen", "either"])
        .where("u.listening_in", "is", null),
      "u.id",
      seeker,
    );
    if (only) free = free.where("u.id", "=", only);
    if (!seeker.anyone) free = free.where(hasProfileExperience("u.id", seeker.wanted));
    return free.orderBy("shared", "desc").orderBy("duty", "desc").orderBy("u.available_since").orderBy("u.id").limit(pageSize).offset(offset).execute();
  }

  /** Members the requester already has a live one-to-one with. */
  private async livePartners(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("conversation_members as mine")
      .innerJoin("conversations as c", "c.id", "mine.conversation_id")
      .innerJoin("conversation_members as other", "other.conversation_id", "c.id")
      .select("other.user_id")
      .where("mine.user_id", "=", userId)
      .where("other.user_id", "!=", userId)
      .where("c.kind", "=", "direct")
      .where("c.closed_at", "is", null)
      .execute();
    return rows.map((r) => r.user_id);
  }

  private async tagsOf(ids: string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.selectFrom("user_experiences").select(["user_id", "tag_id"]).where("user_id", "in", ids).execute();
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.tag_id]);
    return map;
  }

  private async supportersAmong(ids: string[]): Promise<Set<string>> {
    const rows = await this.db.selectFrom("user_roles").select("user_id").where("role", "=", "supporter").where("user_id", "in", ids).execute();
    return new Set(rows.map((r) => r.user_id));
  }

  private async openChatsOf(ids: string[]): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom("conversation_members as m")
      .innerJoin("conversations as c", "c.id", "m.conversation_id")
      .select(["m.user_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("m.user_id", "in", ids)
      .where("c.kind", "=", "direct")
      .where("c.closed_at", "is", null)
      .groupBy("m.user_id")
      .execute();
    return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
  }
}
