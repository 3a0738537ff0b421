/**
 * "Talk to an on-duty peer supporter now": only when the member presses it, POST
 * /api/v1/support-requests opens a one-to-one with a free supporter and the member is taken
 * there. When nobody is free (409 NO_SUPPORTER_ON_DUTY) it says so honestly and shows the lines
 * the server sent with that answer (`details.resources`). Nothing is shared from the
 * conversation the member was in.
 */
import { useEffect, useRef, useState } from "react";
import { useLocation } from "wouter";
import { api } from "../../api/client";
import { ApiError } from "../../api/errors";
import type { Resource } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { generalErrorMessage } from "../../ui/form-errors";
import { ResourceItems } from "../help/ResourceList";

type Outcome = { kind: "none-free"; resources: Resource[] } | { kind: "problem"; message: string } | null;

function resourcesIn(error: ApiError): Resource[] {
  const resources = error.details.resources;
  return Array.isArray(resources) ? (resources as Resource[]) : [];
}

export function TalkToSupporter(props: { fromConversationId?: string; onOpened?(): void }) {
  const t = useT();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const answer = useRef<HTMLDivElement>(null);

  // The answer takes focus, so it is heard at once after the button press.
  useEffect(() => {
    if (outcome) answer.current?.focus();
  }, [outcome]);

  async function ask() {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      const opened = await api.requestSupport(props.fromConversationId);
      props.onOpened?.();
      navigate(`/conversations/${encodeURIComponent(opened.conversationId)}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === "NO_SUPPORTER_ON_DUTY") setOutcome({ kind: "none-free", resources: resourcesIn(error) });
      else setOutcome({ kind: "problem", message: generalErrorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={ask} aria-describedby={busy ? "talk-supporter-busy" : undefined}>
        {t("safety.talkToSupporter")}
      </button>
      {busy ? (
        <p className="muted" id="talk-supporter-busy">
          {t("safety.lookingForSupporter")}
        </p>
      ) : null}
      {outcome ? (
        <div ref={answer} tabIndex={-1} className="care-answer">
          {outcome.kind === "none-free" ? (
            <>
              <p>
                <strong>{t("safety.noneFreeTitle")}</strong>
              </p>
              <p>{t("safety.noneFree")}</p>
              {outcome.resources.length > 0 ? <ResourceItems resources={outcome.resources} /> : null}
            </>
          ) : (
            <p>{outcome.message}</p>
          )}
        </div>
      ) : null}
    </>
  );
}
