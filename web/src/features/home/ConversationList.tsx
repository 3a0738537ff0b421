/** The member's conversations (GET /api/v1/conversations), each with its unread count in words. */
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { api } from "../../api/client";
import type { Conversation } from "../../api/types";
import { type Translate, useT } from "../../i18n/I18nProvider";
import { useMe } from "../auth/session";

export function conversationName(conversation: Conversation, myId: string | undefined, t: Translate): string {
  if (conversation.kind === "group") return conversation.title ?? t("conversations.untitledGroup");
  const others = conversation.members.filter((m) => m.userId !== myId);
  if (others.length === 0) return t("conversations.nobodyElse");
  return t("conversations.withPeer", { name: others.map((m) => m.displayName ?? m.handle).join(", ") });
}

/** Shown first on the home page once there is something in it; a new member sees the choices first. */
export function ConversationList() {
  const t = useT();
  const me = useMe();
  const query = useQuery({ queryKey: ["conversations"], queryFn: api.conversations });
  if (query.data?.conversations.length === 0) return null;
  return (
    <section aria-labelledby="conversations-title">
      <h2 id="conversations-title">{t("conversations.title")}</h2>
      {query.isPending ? <p>{t("app.loading")}</p> : null}
      {query.isError ? <p>{t("conversations.loadFailed")}</p> : null}
      {query.data && query.data.conversations.length > 0 ? (
        <ul className="plain-list">
          {query.data.conversations.map((conversation) => (
            <li key={conversation.id}>
              <Link href={`/conversations/${encodeURIComponent(conversation.id)}`}>{conversationName(conversation, me.data?.id, t)}</Link>{" "}
              {conversation.unread > 0 ? <span className="badge">{t("conversations.unread", { count: conversation.unread })}</span> : null}
              {conversation.closed ? <span className="muted">{` ${t("conversations.closed")}`}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
