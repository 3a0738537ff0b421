/**
 * The private safety panel (docs/safety-policy.md): shown in a conversation to the member who
 * wrote words of crisis there, and to nobody else. Calm on purpose: no red, no alarm, no
 * countdown. Focus moves to its heading so a screen reader reads it next; it says plainly that
 * nobody has been contacted and nobody else can see it, and offers three plain choices: the
 * help lines for the member's region, talking to an on-duty peer supporter now, or dismissing it.
 */
import { useEffect, useRef, useState } from "react";
import type { SafetyFrame } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { ResourceItems } from "../help/ResourceList";
import { safetyNotices } from "./safety-notices";
import { TalkToSupporter } from "./TalkToSupporter";

export function SafetyPanel({ notice }: { notice: SafetyFrame }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [showLines, setShowLines] = useState(false);

  useEffect(() => {
    heading.current?.focus();
  }, [notice]);

  const dismiss = () => {
    safetyNotices.dismiss(notice.conversationId);
    // Back to writing, where the member was.
    document.getElementById("composer")?.focus();
  };

  return (
    <section className="calm-panel safety-panel" aria-labelledby="safety-title">
      <h2 id="safety-title" ref={heading} tabIndex={-1}>
        {t("safety.title")}
      </h2>
      <p>{t("safety.intro")}</p>
      <p>
        <strong>{t("safety.private")}</strong>
      </p>
      {notice.resources.length > 0 ? (
        <div className="care-choice">
          <button type="button" className="button secondary" aria-expanded={showLines} aria-controls="safety-lines" onClick={() => setShowLines(!showLines)}>
            {showLines ? t("safety.hideLines") : t("safety.showLines", { count: notice.resources.length })}
          </button>
          <div id="safety-lines" hidden={!showLines}>
            <ResourceItems resources={notice.resources} />
          </div>
        </div>
      ) : null}
      {notice.actions.includes("talk-to-supporter") ? (
        <div className="care-choice">
          <p>{t("safety.supporterHint")}</p>
          <TalkToSupporter fromConversationId={notice.conversationId} />
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="button secondary" onClick={dismiss}>
          {t("safety.dismiss")}
        </button>
      </div>
      <p className="muted">{t("safety.dismissHint")}</p>
    </section>
  );
}
