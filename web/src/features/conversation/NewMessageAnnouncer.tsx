/**
 * A polite live region that says each new message from someone else once ("New message from
 * Ana: …"), whether it arrived live or was replayed after a reconnect. The member's own messages,
 * older history and typing are never announced. Only the last few lines are kept in it.
 */
import { useCallback, useState } from "react";
import type { ConversationMember, ServerFrame } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { useFrames } from "../../socket/hooks";
import { nameOfMember } from "./MessageLog";

const kept = 3;

export function NewMessageAnnouncer({
  conversationId,
  members,
  myId,
  blocked,
}: {
  conversationId: string;
  members: ConversationMember[];
  myId: string | undefined;
  blocked: Set<string>;
}) {
  const t = useT();
  const [lines, setLines] = useState<Array<{ key: number; text: string }>>([]);
  const onFrame = useCallback(
    (frame: ServerFrame) => {
      if (frame.op !== "event" || frame.event.conversationId !== conversationId || frame.event.type !== "message.created") return;
      const { actorId } = frame.event;
      if (!actorId || actorId === myId || blocked.has(actorId)) return;
      const data = frame.event.data as { body?: string | null; contentWarning?: string };
      if (typeof data.body !== "string") return;
      const name = nameOfMember(members, actorId, myId, t("conversation.you"), t("conversation.formerMember"));
      // A message behind a content warning is announced by its warning only, as it is shown.
      const text = data.contentWarning
        ? t("conversation.newMessageWarned", { name, label: data.contentWarning })
        : t("conversation.newMessage", { name, body: data.body });
      setLines((previous) => [...previous, { key: frame.event.seq, text }].slice(-kept));
    },
    [conversationId, members, myId, blocked, t],
  );
  useFrames(onFrame);
  return (
    <div className="visually-hidden" aria-live="polite" aria-relevant="additions" data-testid="new-messages">
      {lines.map((line) => (
        <p key={line.key}>{line.text}</p>
      ))}
    </div>
  );
}
