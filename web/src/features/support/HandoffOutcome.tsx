/**
 * For the supporter who tapped out, in the conversation they offered to hand over: one calm line
 * saying where the member's answer stands (asked and not yet answered, gone to another
 * supporter, or staying here). Heard from `handoff.decided`; read over REST
 * (GET /api/v1/handoffs/:id/status) after a reload, and again whenever the socket comes back, as
 * frames sent while it was down are not replayed. A status region that is always there, so each
 * change is announced politely without taking focus. It never says who took over, or where.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api } from "../../api/client";
import type { HandoffStatus } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/locales";
import { useConnectionState } from "../../socket/hooks";
import { useSupportNotices } from "./support-notices";

export const handoffStatusKey = (handoffId: string) => ["handoff-status", handoffId];

// A withdrawn offer was replaced by a newer one (from another tab): nothing to say about it here.
const lines: Record<HandoffStatus, MessageKey | null> = {
  offered: "handover.offered",
  accepted: "handover.accepted",
  declined: "handover.declined",
  withdrawn: null,
};

export function HandoffOutcome({ conversationId }: { conversationId: string }) {
  const t = useT();
  const notices = useSupportNotices();
  const handoffId = notices.offered[conversationId];
  const heard = handoffId ? notices.decided[handoffId] : undefined;
  const query = useQuery({
    queryKey: handoffStatusKey(handoffId ?? ""),
    queryFn: () => api.handoffStatus(handoffId!),
    enabled: Boolean(handoffId) && !heard,
    staleTime: Infinity,
  });

  const connection = useConnectionState();
  const previous = useRef(connection);
  const { refetch } = query;
  useEffect(() => {
    const cameBack = connection === "open" && previous.current !== "open";
    previous.current = connection;
    if (cameBack && handoffId && !heard) void refetch({ cancelRefetch: false });
  }, [connection, handoffId, heard, refetch]);

  const status = heard ?? query.data?.status;
  const line = status ? lines[status] : null;
  return <p role="status">{line ? t(line) : ""}</p>;
}
