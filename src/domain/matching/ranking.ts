/**
 * Who is offered first to a member who asked to talk (issue rules, product.md
 * "Experiences and matching"): the most shared experiences, then on-duty peer
 * supporters with the fewest open chats, then whoever has waited longest. The
 * last rule is what keeps it fair: nobody waits forever behind later arrivals.
 */

export interface Candidate {
  userId: string;
  /** A listener who is online, or a member with a waiting request of their own. */
  kind: "listener" | "requester";
  requestId?: string;
  shared: number;
  onDutySupporter: boolean;
  openChats: number;
  /** When they started waiting (their request) or became free to listen. */
  waitingSince: number;
}

export function rankCandidates(candidates: Candidate[]): Candidate[] {
  return [...candidates].sort(
    (a, b) =>
      b.shared - a.shared ||
      Number(b.onDutySupporter) - Number(a.onDutySupporter) ||
      (a.onDutySupporter && b.onDutySupporter ? a.openChats - b.openChats : 0) ||
      a.waitingSince - b.waitingSince ||
      a.userId.localeCompare(b.userId),
  );
}

/** Experiences in common: the request's tags against the candidate's profile and request tags. */
export function sharedExperiences(wanted: readonly string[], theirs: Iterable<string>): number {
  const set = new Set(theirs);
  return new Set(wanted.filter((tag) => set.has(tag))).size;
}
