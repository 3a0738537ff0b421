/**
 * Claims: the conditional updates that make a match safe under concurrency.
 * Each succeeds only if its row is still as the matcher saw it; a claim that
 * lost a race throws `ClaimLost`, which rolls back that one write (group commit)
 * so the matcher can try the next candidate.
 */
import type { Store } from "../../store/database.js";

export class ClaimLost extends Error {}

/** A waiting request becomes matched into `conversationId`. */
export async function claimRequest(trx: Store, requestId: string, conversationId: string, now: number): Promise<void> {
  const claimed = await trx
    .updateTable("match_requests")
    .set({ status: "matched", matched_at: now, conversation_id: conversationId })
    .where("id", "=", requestId)
    .where("status", "=", "waiting")
    .executeTakeFirst();
  if (claimed.numUpdatedRows !== 1n) throw new ClaimLost();
}

/** A free listener becomes busy listening in `conversationId`. */
export async function claimListener(trx: Store, userId: string, conversationId: string): Promise<void> {
  const claimed = await trx
    .updateTable("users")
    .set({ listening_in: conversationId })
    .where("id", "=", userId)
    .where("listening_in", "is", null)
    .where("availability", "in", ["listen", "either"])
    .executeTakeFirst();
  if (claimed.numUpdatedRows !== 1n) throw new ClaimLost();
}
