/**
 * The top of every conversation, for care: a link to the guide for peers ("When someone is
 * struggling"); and in a support conversation, for the supporter, what it is, the note left by
 * the supporter before them (if a member was handed to them) and "Hand over to another supporter".
 */
import { Link } from "wouter";
import type { Conversation, User } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { HandOver } from "./HandOver";
import { HandoffNote } from "./HandoffNote";
import { useSupportNotices } from "./support-notices";

export function ConversationCareHeader({
  conversationId,
  conversation,
  me,
}: {
  conversationId: string;
  conversation: Conversation | undefined;
  me: User | null | undefined;
}) {
  const t = useT();
  const handoffId = useSupportNotices().handedNotes[conversationId];
  const supporting = conversation?.origin === "support" && !conversation.closed && Boolean(me?.roles.includes("supporter"));
  return (
    <>
      <p className="conversation-tools">
        <Link href={`/guide?from=${encodeURIComponent(conversationId)}`}>{t("guide.link")}</Link>
      </p>
      {supporting ? <p className="muted">{t("support.conversationIntro")}</p> : null}
      {handoffId ? <HandoffNote handoffId={handoffId} /> : null}
      {supporting ? <HandOver conversationId={conversationId} /> : null}
    </>
  );
}
