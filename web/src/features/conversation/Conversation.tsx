/**
 * A conversation: a banner that says who can read it and how long its words are kept
 * (PrivacyBanner), what sits above it (ConversationHeader: the check-in card or the room's
 * panel), the message log (ConversationLog: labelled by the heading, new messages from others
 * announced without taking focus), the composer, and what one can do with the conversation
 * (ConversationActions). History comes over REST through the socket store; new events, acks
 * and resends go through the socket.
 */
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { api } from "../../api/client";
import { useT } from "../../i18n/I18nProvider";
import { socketStore } from "../../socket/store";
import { Page } from "../../ui/Page";
import { generalErrorMessage } from "../../ui/form-errors";
import { useMe } from "../auth/session";
import { conversationName } from "../home/ConversationList";
import { ConversationCareHeader } from "../support/ConversationCareHeader";
import { ConversationCarePanels } from "../support/ConversationCarePanels";
import { Composer } from "./Composer";
import { ConversationActions } from "./ConversationActions";
import { ConversationHeader } from "./ConversationHeader";
import { ConversationLog } from "./ConversationLog";
import { PrivacyBanner } from "./PrivacyBanner";

export default function Conversation({ id }: { id: string }) {
  const t = useT();
  const me = useMe();
  const conversation = useQuery({ queryKey: ["conversation", id], queryFn: () => api.conversation(id) });

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
      {data ? <PrivacyBanner conversation={data} myId={me.data?.id} /> : null}
      {data ? <ConversationHeader conversation={data} myId={me.data?.id} /> : null}
      <ConversationCareHeader conversationId={id} conversation={data} me={me.data} />
      <ConversationLog id={id} conversation={data} myId={me.data?.id} />
      <ConversationCarePanels conversationId={id} />
      {data?.closed ? (
        <p>{t("conversation.closed")}</p>
      ) : (
        <Composer conversationId={id} onSend={(body, warning) => socketStore.send(id, body, warning)} onTyping={() => socketStore.typing(id)} />
      )}
      {data ? <ConversationActions conversation={data} myId={me.data?.id} /> : null}
    </Page>
  );
}
