/**
 * The message log: a region with role="log" labelled by the page heading. Messages are grouped by
 * day (a heading each) and by sender (a run shows the name once on screen, but every message's
 * accessible name still says who and when, "Ana, 9:41 pm", with a <time datetime>). Each of the
 * member's own messages says its state in words: sending, sent, seen, or not sent with a retry
 * that reuses the same clientMsgId. A removed message, and one whose words were erased after the
 * time the conversation keeps them, each leave a tombstone in words of its own.
 *
 * The log itself is not live (aria-live="off"): older history inserted at the top, the member's
 * own echoes and state changes would otherwise all be read out. New messages from others are
 * announced once by NewMessageAnnouncer instead.
 */
import { type ReactNode, useRef } from "react";
import { useIntl } from "react-intl";
import type { ConversationEvent, ConversationMember } from "../../api/types";
import { useLocaleChoice, useT } from "../../i18n/I18nProvider";
import type { Outgoing } from "../../socket/outbox";
import { socketStore } from "../../socket/store";
import { type Row, buildRows, lastSeenRow } from "./log-rows";
import { useLogScrolling } from "./use-log-scrolling";

function MessageBody({ row }: { row: Row }) {
  const t = useT();
  if (row.expired) return <p className="body muted">{t("conversation.expired")}</p>;
  if (row.removed || row.body === null) return <p className="body muted">{t("conversation.removed")}</p>;
  if (row.contentWarning) {
    // <details>: opening it is one keyboard action (Enter or Space on its summary).
    return (
      <details className="content-warning">
        <summary>{t("conversation.contentWarning", { label: row.contentWarning })}</summary>
        <p className="body">{row.body}</p>
      </details>
    );
  }
  return <p className="body">{row.body}</p>;
}

export interface MessageLogProps {
  conversationId: string;
  events: ConversationEvent[];
  pending: Outgoing[];
  members: ConversationMember[];
  myId: string | undefined;
  /** The other member's read position, for "Seen" (one-to-ones only); undefined elsewhere. */
  seenSeq: number | undefined;
  hasOlder: boolean;
  loadingOlder: boolean;
}

export function nameOfMember(members: ConversationMember[], userId: string | null, myId: string | undefined, you: string, former: string): string {
  if (userId && userId === myId) return you;
  const member = members.find((m) => m.userId === userId);
  return member ? (member.displayName ?? member.handle) : former;
}

export function MessageLog(props: MessageLogProps) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocaleChoice();
  const time = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit" });
  const day = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long" });
  const nameOf = (userId: string | null) => nameOfMember(props.members, userId, props.myId, t("conversation.you"), t("conversation.formerMember"));
  const rows = buildRows(props.events, props.pending, props.myId);
  const seenKey = props.seenSeq === undefined ? undefined : lastSeenRow(rows, props.seenSeq);
  const olderButton = useRef<HTMLButtonElement>(null);

  const { hasOlder, loadingOlder, conversationId } = props;
  useLogScrolling({ conversationId, firstSeq: props.events[0]?.seq, lastKey: rows[rows.length - 1]?.key, hasOlder, olderButton });

  // Some languages say "you joined" differently from "they joined" (es: "Te uniste").
  const whoOf = (row: Row) => (row.authorId !== null && row.authorId === props.myId ? "you" : "other");
  const noteText = (row: Row): string => {
    const name = nameOf(row.authorId);
    switch (row.note) {
      case "joined":
        return t("conversation.joined", { name, who: whoOf(row) });
      case "left":
        return t("conversation.left", { name, who: whoOf(row) });
      case "removed":
        return t("conversation.removedMember", { name });
      case "checkin":
        return t("conversation.checkinUpdated", { name, who: whoOf(row) });
      case "kept":
        return t("conversation.kept");
      case "paused":
        return t("conversation.paused", { name });
      default:
        return t("conversation.closedNote");
    }
  };

  const items: ReactNode[] = [];
  for (const row of rows) {
    if (row.newDay) {
      items.push(
        <li key={`day-${row.key}`} className="log-day">
          <h2>{day.format(new Date(row.at))}</h2>
        </li>,
      );
    }
    if (row.note) {
      items.push(
        <li key={row.key} className="log-note">
          {noteText(row)}
        </li>,
      );
      continue;
    }
    const metaId = `${row.key}-meta`;
    const who = intl.formatMessage(
      { id: "conversation.whoWhen" },
      { name: nameOf(row.authorId), time: <time dateTime={row.at}>{time.format(new Date(row.at))}</time> },
    );
    const classes = ["message", row.mine ? "mine" : "", row.continued ? "continued" : ""].filter(Boolean).join(" ");
    items.push(
      <li key={row.key} className={classes}>
        <article aria-labelledby={metaId}>
          <p className={row.continued ? "meta visually-hidden" : "meta"} id={metaId}>
            {who}
          </p>
          <MessageBody row={row} />
          {row.edited ? <p className="meta">{t("conversation.edited")}</p> : null}
          {row.mine ? <MessageState row={row} seen={row.key === seenKey} /> : null}
        </article>
      </li>,
    );
  }

  return (
    <div role="log" aria-labelledby="page-heading" aria-live="off" className="log-region">
      {hasOlder ? (
        <p className="older">
          <button ref={olderButton} type="button" className="button secondary" onClick={() => void socketStore.loadOlder(conversationId)}>
            {loadingOlder ? t("conversation.loadingOlder") : t("conversation.loadOlder")}
          </button>
        </p>
      ) : null}
      <ol className="log">{items}</ol>
    </div>
  );
}

function MessageState({ row, seen }: { row: Row; seen: boolean }) {
  const t = useT();
  if (row.state === "sending") return <p className="meta">{t("conversation.sending")}</p>;
  if (row.state === "failed") {
    return (
      <p className="meta">
        {t("conversation.failed")}{" "}
        <button type="button" className="button link" onClick={() => row.clientMsgId && socketStore.retry(row.clientMsgId)}>
          {t("conversation.retry")}
        </button>
      </p>
    );
  }
  return <p className="meta">{seen ? t("conversation.seen") : t("conversation.sent")}</p>;
}
