/**
 * What a member can do with the conversation as a whole: "stay in touch" after a one-to-one
 * (POST .../stay-in-touch; private until both say yes) and leave it (DELETE .../members/me,
 * after a confirm dialog), which takes them home.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation } from "wouter";
import { api } from "../../api/client";
import type { Conversation } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { generalErrorMessage } from "../../ui/form-errors";
import { memberName } from "./MemberMenu";

export function ConversationActions({ conversation, myId }: { conversation: Conversation; myId: string | undefined }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [leaving, setLeaving] = useState(false);
  const direct = conversation.kind === "direct";
  const other = direct ? conversation.members.find((m) => m.userId !== myId) : undefined;
  const otherName = other ? memberName(other) : undefined;
  const stay = conversation.stayInTouch;
  const choose = useMutation({
    mutationFn: (next: boolean) => api.stayInTouch(conversation.id, next),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["conversation", conversation.id] }),
  });

  return (
    <section className="panel conversation-actions" aria-labelledby="conversation-actions-title">
      <h2 id="conversation-actions-title">{t("conversationActions.title")}</h2>
      {direct && !conversation.closed ? (
        <>
          <p>
            {stay?.mutual
              ? t("conversationActions.stayMutual", { name: otherName ?? "" })
              : stay?.mine
                ? t("conversationActions.stayMine", { name: otherName ?? "" })
                : t("conversationActions.stayExplain", { name: otherName ?? "" })}
          </p>
          {!stay?.mutual ? (
            <button type="button" className="button secondary" onClick={() => choose.mutate(!stay?.mine)}>
              {stay?.mine ? t("conversationActions.stayUndo") : t("conversationActions.stay")}
            </button>
          ) : null}
          {choose.isError ? (
            <p className="field-error" role="alert">
              {generalErrorMessage(choose.error, t)}
            </p>
          ) : null}
        </>
      ) : null}
      <p>
        <button type="button" className="button secondary" onClick={() => setLeaving(true)}>
          {direct ? t("conversationActions.leave") : t("conversationActions.leaveRoom")}
        </button>
      </p>
      <ConfirmDialog
        open={leaving}
        onOpenChange={setLeaving}
        title={direct ? t("conversationActions.leaveTitle") : t("conversationActions.leaveRoomTitle")}
        confirmLabel={direct ? t("conversationActions.leaveConfirm") : t("conversationActions.leaveRoomConfirm")}
        onConfirm={async () => {
          await api.leave(conversation.id);
          await queryClient.invalidateQueries({ queryKey: ["conversations"] });
          navigate("/home");
        }}
      >
        <p>
          {direct ? (stay?.mutual ? t("conversationActions.leaveKept") : t("conversationActions.leaveExplain")) : t("conversationActions.leaveRoomExplain")}
        </p>
      </ConfirmDialog>
    </section>
  );
}
