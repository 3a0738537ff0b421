/**
 * Small groups (mode "group"): a request joins an open matched group with room
 * that is about an experience it shares and speaks its language, or, when
 * another group request waits that fits, the two start a new group. Groups are
 * capped (MATCH_GROUP_SIZE, default 6); the cap is checked after the
 * conversation row is locked by the seq bump, so concurrent joins on any node
 * cannot pass it. A group lives while two members remain.
 */
import { newId } from "../../store/ids.js";
import type { Store } from "../../store/database.js";
import type { GroupCommit } from "../../store/group-commit.js";
import type { MatchRequestRow } from "../../store/schema.js";
import { type Conversations, type Joined, event } from "../conversations/conversations.js";
import { appendEvent } from "../conversations/log.js";
import type { Notifier } from "../notifier.js";
import type { Blocks } from "../safety/blocks.js";
import { ClaimLost, claimRequest } from "./claims.js";
import { baseLanguage, defaultLanguage, languagesOf, matchingBasesOf } from "../accounts/languages.js";
import { notBlockedEitherWay, requestAsksAbout, speaksAnyOf } from "./compatibility.js";
import { experiencesOfRequest } from "./request-experiences.js";

class GroupFull extends Error {}

/** Told of each request matched, with how long it waited (for logs and metrics). */
export type MatchObserver = (kind: "one-to-one" | "group", waitedMs: number) => void;

export class GroupMatching {
  constructor(
    private readonly db: Store,
    private readonly commit: GroupCommit,
    private readonly notify: Notifier,
    private readonly conversations: Conversations,
    private readonly blocks: Blocks,
    private readonly groupSize: number,
    private readonly onMatched: MatchObserver = () => {},
  ) {}

  /** Places a waiting group request in a group if one fits or can be started; true when placed. */
  async tryPlace(request: MatchRequestRow): Promise<boolean> {
    const languages = await languagesOf(this.db, request.user_id);
    const bases = await matchingBasesOf(this.db, request.user_id);
    const wanted = await experiencesOfRequest(this.db, request.id);
    const apart = (await this.blocks.setsFor(request.user_id)).apart;
    const fits = (experiences: string[]) => request.anyone === 1 || experiences.some((e) => wanted.includes(e));

    const groups = await this.db
      .selectFrom("conversations as c")
      .select(["c.id", "c.experiences", "c.language", "c.created_at"])
      .where("c.kind", "=", "group")
      .where("c.origin", "=", "match")
      .where("c.closed_at", "is", null)
      .orderBy("c.created_at")
      .execute();
    // Every open matched group is looked at (no paging), so these checks may run here.
    for (const group of groups) {
      if (!fits(JSON.parse(group.experiences) as string[]) || !bases.includes(baseLanguage(group.language ?? defaultLanguage))) continue;
      const members = await this.db.selectFrom("conversation_members").select("user_id").where("conversation_id", "=", group.id).execute();
      if (members.length >= this.groupSize || members.some((m) => m.user_id === request.user_id || apart.has(m.user_id))) continue;
      if (await this.join(request, group.id)) return true;
    }

    // Waiting group requests this one could start a group with, filtered in the query:
    // a shared language, no block either way, and a shared experience unless either asked for anyone.
    let others = this.db
      .selectFrom("match_requests as r")
      .select(["r.id", "r.user_id", "r.created_at"])
      .where("r.status", "=", "waiting")
      .where("r.mode", "=", "group")
      .where("r.id", "!=", request.id)
      .where("r.user_id", "!=", request.user_id)
      .where(speaksAnyOf("r.user_id", bases))
      .where(notBlockedEitherWay("r.user_id", request.user_id));
    if (request.anyone !== 1) others = others.where((eb) => eb.or([eb("r.anyone", "=", 1), requestAsksAbout("r.id", wanted)]));
    for (const other of await others.orderBy("r.created_at").execute()) {
      const theirs = await experiencesOfRequest(this.db, other.id);
      const common = theirs.filter((e) => wanted.includes(e));
      const theirBases = new Set(await matchingBasesOf(this.db, other.user_id));
      const spoken = languages.length ? languages : [defaultLanguage];
      const language = spoken.find((l) => theirBases.has(baseLanguage(l)));
      if (!language) continue;
      if (await this.start(request, other, common.length ? common : wanted.length ? wanted : theirs, language)) return true;
    }
    return false;
  }

  private async join(request: MatchRequestRow, conversationId: string, now = Date.now()): Promise<boolean> {
    try {
      await this.commit.run(
        async (trx): Promise<Joined> => {
          // The seq bump locks the conversation row: the count below cannot race.
          const seq = await appendEvent(
            trx,
            conversationId,
            { type: "member.joined", actorId: request.user_id, data: { userId: request.user_id, role: "member" } },
            now,
          );
          const count = await trx
            .selectFrom("conversation_members")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("conversation_id", "=", conversationId)
            .executeTakeFirstOrThrow();
          if (Number(count.n) >= this.groupSize) throw new GroupFull();
          await trx
            .insertInto("conversation_members")
            .values({ conversation_id: conversationId, user_id: request.user_id, role: "member", joined_seq: seq, read_seq: seq, joined_at: now })
            .execute();
          await claimRequest(trx, request.id, conversationId, now);
          return {
            conversationId,
            events: [event(conversationId, seq, "member.joined", request.user_id, now, { userId: request.user_id, role: "member" })],
            joins: [{ userId: request.user_id, seq }],
          };
        },
        (joined) => {
          this.conversations.announce(joined);
          this.notify.toUser(request.user_id, { op: "match.found", requestId: request.id, conversationId });
          this.onMatched("group", now - Number(request.created_at));
        },
      );
      return true;
    } catch (err) {
      if (err instanceof GroupFull || err instanceof ClaimLost) return false;
      throw err;
    }
  }

  private async start(
    request: MatchRequestRow,
    other: { id: string; user_id: string; created_at: number },
    experiences: string[],
    language: string,
    now = Date.now(),
  ): Promise<boolean> {
    const conversationId = newId(now);
    const label = await this.db
      .selectFrom("experience_tags")
      .select("label")
      .where("id", "=", experiences[0] ?? "")
      .executeTakeFirst();
    try {
      await this.commit.run(
        async (trx): Promise<Joined> => {
          await trx
            .insertInto("conversations")
            .values({
              id: conversationId,
              kind: "group",
              title: label ? `${label.label}: small group` : "Small group",
              topic: null,
              visibility: "invite",
              experiences: JSON.stringify(experiences),
              created_by: null,
              created_at: now,
              origin: "match",
              language,
            })
            .execute();
          const joined: Joined = { conversationId, events: [], joins: [] };
          for (const [userId, requestId] of [
            [other.user_id, other.id],
            [request.user_id, request.id],
          ] as const) {
            const seq = await appendEvent(trx, conversationId, { type: "member.joined", actorId: userId, data: { userId, role: "member" } }, now);
            await trx
              .insertInto("conversation_members")
              .values({ conversation_id: conversationId, user_id: userId, role: "member", joined_seq: seq, read_seq: seq, joined_at: now })
              .execute();
            await claimRequest(trx, requestId, conversationId, now);
            joined.events.push(event(conversationId, seq, "member.joined", userId, now, { userId, role: "member" }));
            joined.joins.push({ userId, seq });
          }
          return joined;
        },
        (joined) => {
          this.conversations.announce(joined);
          this.notify.toUser(other.user_id, { op: "match.found", requestId: other.id, conversationId });
          this.notify.toUser(request.user_id, { op: "match.found", requestId: request.id, conversationId });
          for (const placed of [other, request]) this.onMatched("group", now - Number(placed.created_at));
        },
      );
      return true;
    } catch (err) {
      if (err instanceof ClaimLost) return false;
      throw err;
    }
  }
}
