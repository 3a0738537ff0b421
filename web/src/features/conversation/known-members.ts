/**
 * Everyone this screen has seen in the conversation, current members first and then those who
 * have since left or been removed, so "Ana left" and Ana's earlier messages keep her name rather
 * than turning into "a former member" the moment she goes.
 */
import { useMemo, useRef } from "react";
import type { ConversationMember } from "../../api/types";

export function useKnownMembers(members: ConversationMember[] | undefined): ConversationMember[] {
  const seen = useRef(new Map<string, ConversationMember>());
  return useMemo(() => {
    const current = members ?? [];
    for (const member of current) seen.current.set(member.userId, member);
    const gone = [...seen.current.values()].filter((m) => !current.some((c) => c.userId === m.userId));
    return [...current, ...gone];
  }, [members]);
}
