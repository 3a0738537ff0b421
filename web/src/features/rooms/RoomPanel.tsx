/**
 * What a room shows above its messages: its topic and weekly time, its agreement, its members
 * (each with their menu: block, and for a facilitator remove), and, for facilitators, invite links.
 */
import type { Conversation } from "../../api/types";
import { useLocaleChoice, useT } from "../../i18n/I18nProvider";
import { MemberMenu, memberName } from "../conversation/MemberMenu";
import { InviteLinks } from "./InviteLinks";
import { scheduleParts } from "./schedule-text";

export function RoomPanel({
  conversation,
  myId,
  isFacilitator,
  onNotice,
}: {
  conversation: Conversation;
  myId: string | undefined;
  isFacilitator: boolean;
  onNotice(message: string): void;
}) {
  const t = useT();
  const { locale } = useLocaleChoice();
  const schedule = conversation.schedule ? scheduleParts(conversation.schedule, locale) : null;
  return (
    <section className="panel room-panel" aria-labelledby="room-title">
      <h2 id="room-title">{t("room.about")}</h2>
      {conversation.topic ? <p>{conversation.topic}</p> : null}
      {schedule ? <p>{t("room.meets", schedule)}</p> : null}
      <details className="choices">
        <summary>{t("room.agreement")}</summary>
        {conversation.agreement ? <p className="pre-wrap">{conversation.agreement}</p> : <p>{t("room.agreementDefault")}</p>}
        <p>
          <a href="/agreement">{t("room.communityAgreement")}</a>
        </p>
      </details>
      <details className="choices">
        <summary>{t("room.members", { count: conversation.members.length })}</summary>
        <ul className="plain-list" aria-label={t("room.membersLabel")}>
          {conversation.members.map((member) => (
            <li key={member.userId} className="row-between">
              <span>
                {member.userId === myId ? t("room.you", { name: memberName(member) }) : memberName(member)}
                {member.role === "facilitator" ? ` · ${t("room.facilitator")}` : ""}
              </span>
              {member.userId === myId ? null : (
                <MemberMenu conversationId={conversation.id} member={member} canRemove={isFacilitator && member.role !== "facilitator"} onDone={onNotice} />
              )}
            </li>
          ))}
        </ul>
      </details>
      {isFacilitator ? <InviteLinks conversationId={conversation.id} /> : null}
    </section>
  );
}
