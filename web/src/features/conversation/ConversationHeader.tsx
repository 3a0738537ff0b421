/**
 * What sits above a conversation's messages: in a one-to-one, the other member's menu and the
 * check-in card; in a room, its panel (topic, time, agreement, members, facilitator controls).
 * Also reads the conversation again when an event changes what these show (`checkin.updated`
 * names only the fields that changed, so the card itself is read again).
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { Conversation, ServerFrame } from "../../api/types";
import { useFrames } from "../../socket/hooks";
import { RoomPanel } from "../rooms/RoomPanel";
import { CheckinCard } from "./CheckinCard";
import { MemberMenu } from "./MemberMenu";

const changesTheConversation = [
  "checkin.updated",
  "conversation.kept",
  "conversation.paused",
  "conversation.closed",
  "member.joined",
  "member.left",
  "member.removed",
];

export function ConversationHeader({ conversation, myId }: { conversation: Conversation; myId: string | undefined }) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const id = conversation.id;
  const onFrame = useCallback(
    (frame: ServerFrame) => {
      if (frame.op === "event" && frame.event.conversationId === id && changesTheConversation.includes(frame.event.type)) {
        void queryClient.invalidateQueries({ queryKey: ["conversation", id] });
      }
    },
    [id, queryClient],
  );
  useFrames(onFrame);

  const other = conversation.kind === "direct" ? conversation.members.find((m) => m.userId !== myId) : undefined;
  const isFacilitator = conversation.members.some((m) => m.userId === myId && m.role === "facilitator");
  return (
    <>
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
      {conversation.kind === "direct" ? (
        <CheckinCard conversation={conversation} myId={myId} />
      ) : (
        <RoomPanel conversation={conversation} myId={myId} isFacilitator={isFacilitator} onNotice={setNotice} />
      )}
    </>
  );
}
