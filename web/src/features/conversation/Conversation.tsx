/**
 * A conversation: the message log (role="log", labelled by the heading, so new messages are
 * announced without taking focus) and the composer. History comes over REST
 * (GET /api/v1/conversations/:id/events); new events, acks and resends go through the socket store.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link } from "wouter";
import { api } from "../../api/client";
import { useT } from "../../i18n/I18nProvider";
import { socketStore } from "../../socket/store";
import { useConversationEvents, useSocketVersion } from "../../socket/hooks";
import { Page } from "../../ui/Page";
import { generalErrorMessage } from "../../ui/form-errors";
import { useMe } from "../auth/session";
import { conversationName } from "../home/ConversationList";
import { ConversationCareHeader } from "../support/ConversationCareHeader";
import { ConversationCarePanels } from "../support/ConversationCarePanels";
import { Composer } from "./Composer";
import { MessageLog } from "./MessageLog";

export default function Conversation({ id }: { id: string }) {
  const t = useT();
  const me = useMe();
  const conversation = useQuery({ queryKey: ["conversation", id], queryFn: () => api.conversation(id) });
  const history = useQuery({ queryKey: ["events", id], queryFn: () => api.events(id, { limit: 50 }) });
  const events = useConversationEvents(id);
  useSocketVersion();
  const pending = socketStore.outbox.forConversation(id);

  useEffect(() => {
    if (history.data) socketStore.addEvents(history.data.events);
  }, [history.data]);

  // Tell the server (and so the other side) how far this member has read.
  const lastSeq = events.length ? events[events.length - 1]!.seq : 0;
  useEffect(() => {
    if (lastSeq > 0) socketStore.markRead(id, lastSeq);
  }, [id, lastSeq]);

  if (conversation.isError) {
    return (
      <Page title={t("conversation.unavailableTitle")}>
        <p>{generalErrorMessage(conversation.error, t)}</p>
        <Link href="/home">{t("conversation.backHome")}</Link>
      </Page>
    );
  }
  const data = conversation.data?.conversation;
  const title = data ? conversationName(data, me.data?.id, t) : t("conversation.loadingTitle");
  return (
    <Page title={title}>
      <p className="muted">{t("conversation.whoCanRead")}</p>
      <ConversationCareHeader conversationId={id} conversation={data} me={me.data} />
      {history.isPending ? <p>{t("app.loading")}</p> : null}
      <MessageLog events={events} pending={pending} members={data?.members ?? []} myId={me.data?.id} />
      <ConversationCarePanels conversationId={id} />
      {data?.closed ? <p>{t("conversation.closed")}</p> : <Composer onSend={(body) => socketStore.send(id, body)} />}
    </Page>
  );
}
