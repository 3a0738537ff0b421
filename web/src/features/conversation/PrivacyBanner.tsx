/**
 * The banner at the top of every conversation: who can read it and how long its words are kept
 * (GET /api/v1/conversations/:id/privacy), in the server's own sentences. "Privacy details" (a
 * disclosure button) opens the rest: every sentence about who can read it, what reads messages on
 * the server, and the retention choice (RetentionChoice). The sentences are read again when
 * someone joins, leaves or is removed, since that changes who can read it.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { api } from "../../api/client";
import type { Conversation, ServerFrame } from "../../api/types";
import { type Translate, useT } from "../../i18n/I18nProvider";
import { useFrames } from "../../socket/hooks";
import { privacyKey } from "./privacy-query";
import { RetentionChoice } from "./RetentionChoice";

const changesWhoCanRead = ["member.joined", "member.left", "member.removed"];

/** "Messages are kept until deleted." / "Messages are erased after 7 days." */
export function retentionSentence(days: number | null, t: Translate): string {
  return days === null ? t("privacy.keptUntilDeleted") : t("privacy.erasedAfter", { days });
}

export function PrivacyBanner({ conversation, myId }: { conversation: Conversation; myId: string | undefined }) {
  const t = useT();
  const queryClient = useQueryClient();
  const id = conversation.id;
  const [open, setOpen] = useState(false);
  const privacy = useQuery({ queryKey: privacyKey(id), queryFn: () => api.privacy(id) });

  const onFrame = useCallback(
    (frame: ServerFrame) => {
      if (frame.op !== "event" || frame.event.conversationId !== id || !changesWhoCanRead.includes(frame.event.type)) return;
      // When it is this member who left or was removed, there is nothing left for them to ask (404).
      if (frame.event.data.userId !== undefined && frame.event.data.userId === myId) return;
      void queryClient.invalidateQueries({ queryKey: privacyKey(id) });
    },
    [id, myId, queryClient],
  );
  useFrames(onFrame);

  const data = privacy.data;
  return (
    <section className="privacy-banner" aria-labelledby="privacy-title">
      <h2 id="privacy-title" className="visually-hidden">
        {t("privacy.title")}
      </h2>
      {data ? (
        <p>
          {/* The server writes its sentences in English for now. */}
          <span lang="en">{data.whoCanRead[0]}</span> {retentionSentence(data.retentionDays, t)}
        </p>
      ) : privacy.isError ? (
        <p>
          {t("privacy.loadFailed")}{" "}
          <button type="button" className="button link" onClick={() => void privacy.refetch()}>
            {t("conversation.tryAgain")}
          </button>
        </p>
      ) : (
        <p>{t("privacy.loading")}</p>
      )}
      {data ? (
        <>
          <button type="button" className="button link disclosure" aria-expanded={open} aria-controls="privacy-details" onClick={() => setOpen(!open)}>
            {t("privacy.details")}
          </button>
          <div id="privacy-details" className="privacy-details" hidden={!open}>
            <h3>{t("privacy.whoCanReadTitle")}</h3>
            <ul lang="en">
              {data.whoCanRead.map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
            <h3>{t("privacy.checksTitle")}</h3>
            <ul lang="en">
              {data.automatedChecks.map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
            <h3>{t("privacy.retentionTitle")}</h3>
            <p>{retentionSentence(data.retentionDays, t)}</p>
            <RetentionChoice conversation={conversation} myId={myId} myRetentionDays={data.myRetentionDays} />
          </div>
        </>
      ) : null}
    </section>
  );
}
