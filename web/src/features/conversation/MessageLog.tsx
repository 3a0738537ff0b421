/**
 * The message log: WCAG ARIA23, role="log" labelled by the page heading. Each message names who
 * and when ("Ana, 9:41 pm") and says its state in words: sending, sent, or not sent with a retry
 * that reuses the same clientMsgId.
 */
import type { ConversationEvent, ConversationMember } from "../../api/types";
import { useLocaleChoice, useT } from "../../i18n/I18nProvider";
import type { Outgoing } from "../../socket/outbox";
import { socketStore } from "../../socket/store";

interface Row {
  key: string;
  /** A line about the conversation itself ("Ana joined"), not a message. */
  note?: string;
  authorName: string;
  mine: boolean;
  at: string;
  body: string | null;
  contentWarning?: string;
  state?: Outgoing["status"];
  clientMsgId?: string;
}

function MessageBody({ body, contentWarning }: { body: string | null; contentWarning?: string }) {
  const t = useT();
  if (body === null) return <p className="body muted">{t("conversation.removed")}</p>;
  if (contentWarning) {
    return (
      <details>
        <summary>{t("conversation.contentWarning", { label: contentWarning })}</summary>
        <p className="body">{body}</p>
      </details>
    );
  }
  return <p className="body">{body}</p>;
}

export function MessageLog(props: { events: ConversationEvent[]; pending: Outgoing[]; members: ConversationMember[]; myId: string | undefined }) {
  const t = useT();
  const { locale } = useLocaleChoice();
  const time = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit" });
  const nameOf = (userId: string | null) => {
    if (userId && userId === props.myId) return t("conversation.you");
    const member = props.members.find((m) => m.userId === userId);
    return member ? (member.displayName ?? member.handle) : t("conversation.formerMember");
  };
  const rows: Row[] = [];
  const confirmed = new Set<string>();

  for (const event of props.events) {
    if (event.type === "message.created") {
      const data = event.data as { clientMsgId?: string; body?: string | null; contentWarning?: string };
      const mine = event.actorId === props.myId;
      if (data.clientMsgId) confirmed.add(data.clientMsgId);
      rows.push({
        key: `e${event.seq}`,
        authorName: nameOf(event.actorId),
        mine,
        at: event.at,
        body: data.body ?? null,
        contentWarning: data.contentWarning,
        state: mine ? "sent" : undefined,
      });
    } else if (event.type === "member.joined" || event.type === "member.left") {
      const note = t(event.type === "member.joined" ? "conversation.joined" : "conversation.left", { name: nameOf(event.actorId) });
      rows.push({ key: `e${event.seq}`, note, authorName: "", mine: false, at: event.at, body: null });
    }
  }
  // Local echo: what the member wrote and the server has not yet put in the log.
  for (const item of props.pending) {
    if (confirmed.has(item.clientMsgId)) continue;
    rows.push({ key: item.clientMsgId, authorName: t("conversation.you"), mine: true, at: item.createdAt, body: item.body, state: item.status, clientMsgId: item.clientMsgId });
  }

  return (
    <>
      <div role="log" aria-labelledby="page-heading">
      <ol className="log">
        {rows.map((row) => {
          if (row.note) {
            return (
              <li key={row.key} className="log-note">
                {row.note}
              </li>
            );
          }
          const metaId = `${row.key}-meta`;
          const when = time.format(new Date(row.at));
          return (
            <li key={row.key} className={row.mine ? "message mine" : "message"}>
              <article aria-labelledby={metaId}>
                <p className="meta" id={metaId}>
                  {t("conversation.whoWhen", { name: row.authorName, time: when })}
                </p>
                <MessageBody body={row.body} contentWarning={row.contentWarning} />
                {row.state === "sending" ? <p className="meta">{t("conversation.sending")}</p> : null}
                {row.state === "sent" ? <p className="meta">{t("conversation.sent")}</p> : null}
                {row.state === "failed" ? (
                  <p className="meta">
                    {t("conversation.failed")}{" "}
                    <button type="button" className="button link" onClick={() => row.clientMsgId && socketStore.retry(row.clientMsgId)}>
                      {t("conversation.retry")}
                    </button>
                  </p>
                ) : null}
              </article>
            </li>
          );
        })}
      </ol>
      </div>
    </>
  );
}
