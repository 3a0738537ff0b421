/**
 * Home: "I'd like to talk", "I can listen now", an honest wait while matching, and the
 * member's conversations with unread counts. `match.found` on the socket takes the member
 * into the conversation (app/SocketLifecycle.tsx).
 */
import { useState } from "react";
import type { MatchRequest } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { Page } from "../../ui/Page";
import { useMe } from "../auth/session";
import { DutyPanel } from "../support/DutyPanel";
import { ConversationList } from "./ConversationList";
import { ListenNow } from "./ListenNow";
import { TalkForm } from "./TalkForm";
import { Waiting } from "./Waiting";
import { useWaitingRequest } from "./waiting-request";

export default function Home() {
  const t = useT();
  const me = useMe();
  const [waiting, setWaiting] = useWaitingRequest();
  const [justCancelled, setJustCancelled] = useState(false);
  const name = me.data?.displayName ?? me.data?.handle ?? "";

  const onWaiting = (request: MatchRequest) => {
    setJustCancelled(false);
    setWaiting(request.id);
  };

  return (
    <Page title={t("home.title", { name })}>
      {me.data ? <DutyPanel me={me.data} /> : null}
      <ConversationList />
      {waiting ? (
        <Waiting
          requestId={waiting}
          onCancelled={() => {
            setWaiting(null);
            setJustCancelled(true);
          }}
        />
      ) : (
        <>
          {justCancelled ? <p role="status">{t("waiting.cancelled")}</p> : null}
          <TalkForm onWaiting={onWaiting} />
          <ListenNow />
        </>
      )}
    </Page>
  );
}
