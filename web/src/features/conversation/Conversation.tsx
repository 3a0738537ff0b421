/**
 * A conversation: the message log (role="log", labelled by the heading), a polite announcer for
 * new messages from others, who is typing, and the composer; for a one-to-one, the other
 * member's menu and the check-in card; for a room, its panel (members, agreement, facilitator
 * controls). History comes over REST through the socket store (latest page on opening, older
 * pages on scrolling up, `gap`s filled); new events, acks and resends go through the socket.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link } from "wouter";
import { api } from "../../api/client";
import type { ServerFrame } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { useConnectionState, useConversationEvents, useFrames, useSocketVersion } from "../../socket/hooks";
import { socketStore } from "../../socket/store";
import { Page } from "../../ui/Page";
import { generalErrorMessage } from "../../ui/form-errors";
import { useMe } from "../auth/session";
import { conversationName } from "../home/ConversationList";
import { RoomPanel } from "../rooms/RoomPanel";
import { CheckinCard } from "./CheckinCard";
import { Composer } from "./Composer";
import { ConversationActions } from "./ConversationActions";
import { MemberMenu, memberName } from "./MemberMenu";
import { MessageLog } from "./MessageLog";
import { NewMessageAnnouncer } from "./NewMessageAnnouncer";
import { TypingIndicator } from "./TypingIndicator";
import { useKnownMembers } from "./known-members";
import { useSeen } from "./use-seen";

export default function Conversation({ id }: { id: string }) {
  const t = useT();
  const me = useMe();
  const myId = me.data?.id;
  const queryClient = useQueryClient();
  const conversation = useQuery({ queryKey: ["conversation", id], queryFn: () => api.conversation(id) });
  const blocks = useQuery({ queryKey: ["blocks"], queryFn: () => api.blocks() });
  const blocked = useMemo(() => new Set((blocks.data?.blocks ?? []).map((b) => b.userId)), [blocks.data]);
  const allEvents = useConversationEvents(id);
  // Messages already held from someone blocked since are not shown (the server no longer sends them).
  const events = useMemo(() => allEvents.filter((e) => !(e.type.startsWith("message.") && e.actorId && blocked.has(e.actorId))), [allEvents, blocked]);
  useSocketVersion();
  const connection = useConnectionState();
  const history = socketStore.historyOf(id);
  const pending = socketStore.outbox.forConversation(id);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void socketStore.loadLatest(id);
  }, [id]);

  // Events that change what the card and member list show: read the conversation again.
  const onFrame = useCallback(
    (frame: ServerFrame) => {
      if (frame.op !== "event" || frame.event.conversationId !== id) return;
      if (["checkin.updated", "conversation.kept", "conversation.closed", "member.joined", "member.left", "member.removed"].includes(frame.event.type)) {
        void queryClient.invalidateQueries({ queryKey: ["conversation", id] });
      }
    },
    [id, queryClient],
  );
  useFrames(onFrame);

  const data = conversation.data?.conversation;
  const direct = data?.kind === "direct";
  const other = direct ? data?.members.find((m) => m.userId !== myId) : undefined;
  const seenSeq = useSeen(id, events, myId, other?.userId, connection === "open");
  // Names for the log: members who have left keep theirs.
  const members = useKnownMembers(data?.members);

  if (conversation.isError) {
    return (
      <Page title={t("conversation.unavailableTitle")}>
        <p>{generalErrorMessage(conversation.error, t)}</p>
        <Link href="/home">{t("conversation.backHome")}</Link>
      </Page>
    );
  }
  const title = data ? conversationName(data, myId, t) : t("conversation.loadingTitle");
  const nothingYet = history.loaded && !history.resyncing && events.length === 0 && pending.length === 0;
  const isFacilitator = (data?.members ?? []).some((m) => m.userId === myId && m.role === "facilitator");
  return (
    <Page title={title}>
      <p className="muted">{t("conversation.whoCanRead")}</p>
      {other ? (
        <div className="actions">
          <MemberMenu conversationId={id} member={other} canRemove={false} onDone={setNotice} />
        </div>
      ) : null}
      {notice ? (
        <p className="calm-panel" role="status">
          {notice}
        </p>
      ) : null}
      {data && direct ? <CheckinCard conversation={data} myId={myId} /> : null}
      {data && data.kind === "group" ? <RoomPanel conversation={data} myId={myId} isFacilitator={isFacilitator} onNotice={setNotice} /> : null}
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
      {data?.closed ? (
        <p>{t("conversation.closed")}</p>
      ) : (
        <Composer conversationId={id} onSend={(body, warning) => socketStore.send(id, body, warning)} onTyping={() => socketStore.typing(id)} />
      )}
      {data ? <ConversationActions conversation={data} otherName={other ? memberName(other) : undefined} /> : null}
    </Page>
  );
}
