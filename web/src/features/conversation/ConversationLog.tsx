/**
 * A conversation's messages as the socket store holds them (latest page read on opening, older
 * pages on scrolling up, `gap`s filled), less those of members one has blocked; what is
 * happening to them ("Loading…", "Catching up…", never "No messages yet" while resyncing); the
 * announcer for new messages from others; who is typing; and read state both ways.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { api } from "../../api/client";
import type { Conversation } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { useConnectionState, useConversationEvents, useSocketVersion } from "../../socket/hooks";
import { socketStore } from "../../socket/store";
import { MessageLog } from "./MessageLog";
import { NewMessageAnnouncer } from "./NewMessageAnnouncer";
import { TypingIndicator } from "./TypingIndicator";
import { useKnownMembers } from "./known-members";
import { useSeen } from "./use-seen";

export function ConversationLog({ id, conversation, myId }: { id: string; conversation: Conversation | undefined; myId: string | undefined }) {
  const t = useT();
  const blocks = useQuery({ queryKey: ["blocks"], queryFn: () => api.blocks() });
  const blocked = useMemo(() => new Set((blocks.data?.blocks ?? []).map((b) => b.userId)), [blocks.data]);
  const allEvents = useConversationEvents(id);
  // Messages already held from someone blocked since are not shown (the server no longer sends them).
  const events = useMemo(() => allEvents.filter((e) => !(e.type.startsWith("message.") && e.actorId && blocked.has(e.actorId))), [allEvents, blocked]);
  useSocketVersion();
  const connection = useConnectionState();
  const history = socketStore.historyOf(id);
  const pending = socketStore.outbox.forConversation(id);
  // Names for the log: members who have left keep theirs.
  const members = useKnownMembers(conversation?.members);
  const direct = conversation?.kind === "direct";
  const other = direct ? conversation?.members.find((m) => m.userId !== myId) : undefined;
  const seenSeq = useSeen(id, events, myId, other?.userId, connection === "open");

  useEffect(() => {
    void socketStore.loadLatest(id);
  }, [id]);

  const nothingYet = history.loaded && !history.resyncing && events.length === 0 && pending.length === 0;
  return (
    <>
      <NewMessageAnnouncer conversationId={id} members={members} myId={myId} blocked={blocked} />
      {!history.loaded && !history.failed ? <p>{t("app.loading")}</p> : null}
      {history.resyncing ? <p className="muted">{t("conversation.catchingUp")}</p> : null}
      {history.failed ? (
        <p>
          {t("conversation.historyFailed")}{" "}
          <button type="button" className="button link" onClick={() => void socketStore.loadLatest(id)}>
            {t("conversation.tryAgain")}
          </button>
        </p>
      ) : null}
      {nothingYet ? <p className="muted">{t("conversation.noMessages")}</p> : null}
      <MessageLog
        conversationId={id}
        events={events}
        pending={pending}
        members={members}
        myId={myId}
        seenSeq={direct ? seenSeq : undefined}
        hasOlder={history.hasOlder}
        loadingOlder={history.loadingOlder}
      />
      <TypingIndicator conversationId={id} members={members} myId={myId} blocked={blocked} />
    </>
  );
}
