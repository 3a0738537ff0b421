/**
 * "Ana is typing…": shown, not announced (it would speak over every message). The socket store
 * lets each typist lapse after the server's expiresInMs, so it clears itself when they stop.
 */
import type { ConversationMember } from "../../api/types";
import { useLocaleChoice, useT } from "../../i18n/I18nProvider";
import { useSocketVersion } from "../../socket/hooks";
import { socketStore } from "../../socket/store";
import { nameOfMember } from "./MessageLog";

export function TypingIndicator({
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
  const { locale } = useLocaleChoice();
  useSocketVersion();
  const typists = socketStore.typingNow.typingIn(conversationId).filter((userId) => userId !== myId && !blocked.has(userId));
  const names = typists.map((userId) => nameOfMember(members, userId, myId, t("conversation.you"), t("conversation.formerMember")));
  let text = "";
  if (names.length === 1) text = t("conversation.typingOne", { name: names[0]! });
  else if (names.length > 1) text = t("conversation.typingMany", { names: new Intl.ListFormat(locale, { type: "conjunction" }).format(names) });
  return (
    <p className="typing muted" aria-live="off">
      {text}
    </p>
  );
}
