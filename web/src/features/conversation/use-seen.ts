/**
 * Read state both ways. Tells the server how far this member has read once the messages are
 * actually on a visible page (not in a background tab), and gives back how far the other member
 * of a one-to-one has read, for "Seen".
 */
import { useEffect, useState } from "react";
import type { ConversationEvent } from "../../api/types";
import { socketStore } from "../../socket/store";

function pageVisible(): boolean {
  return typeof document === "undefined" || document.visibilityState === "visible";
}

export function useSeen(conversationId: string, events: ConversationEvent[], myId: string | undefined, otherId: string | undefined, open: boolean): number {
  const lastSeq = events.length ? events[events.length - 1]!.seq : 0;
  const [visible, setVisible] = useState(pageVisible);

  useEffect(() => {
    const changed = () => setVisible(pageVisible());
    document.addEventListener("visibilitychange", changed);
    return () => document.removeEventListener("visibilitychange", changed);
  }, []);

  useEffect(() => {
    if (open && visible && lastSeq > 0 && myId) socketStore.markRead(conversationId, lastSeq);
  }, [conversationId, lastSeq, open, visible, myId]);

  return otherId ? socketStore.reads.readBy(conversationId, otherId) : 0;
}
