/**
 * A hand-off offered to the member (`handoff.offer`): their supporter would like to pass the
 * conversation to another on-duty supporter. Nothing happens without the member's yes: "Accept"
 * (POST /api/v1/handoffs/:id/accept) opens the new conversation and takes them there; "Not now"
 * (…/decline) keeps this one going. Calm, and it does not take focus: it is announced politely.
 */
import { useState } from "react";
import { useLocation } from "wouter";
import { api } from "../../api/client";
import { ApiError } from "../../api/errors";
import type { HandoffOfferFrame } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { generalErrorMessage } from "../../ui/form-errors";
import { supportNotices } from "./support-notices";

export function HandoffOffer({ offer }: { offer: HandoffOfferFrame }) {
  const t = useT();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function answer(accept: boolean) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      if (accept) {
        const { conversationId } = await api.acceptHandoff(offer.handoffId);
        supportNotices.forgetOffer(offer.conversationId);
        navigate(`/conversations/${encodeURIComponent(conversationId)}`);
      } else {
        await api.declineHandoff(offer.handoffId);
        supportNotices.forgetOffer(offer.conversationId);
        document.getElementById("composer")?.focus();
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === "NO_SUPPORTER_ON_DUTY") setProblem(t("handoff.noneFree"));
      else if (error instanceof ApiError && (error.code === "CONFLICT" || error.code === "NOT_FOUND")) {
        // Replaced by a newer offer, or already answered on another device.
        supportNotices.forgetOffer(offer.conversationId);
      } else setProblem(generalErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="calm-panel" aria-labelledby="handoff-offer-title">
      <h2 id="handoff-offer-title">{t("handoff.offerTitle")}</h2>
      <p>{offer.supporter ? t("handoff.offerNamed", { name: offer.supporter.handle }) : t("handoff.offer")}</p>
      <p>{t("handoff.yourChoice")}</p>
      {problem ? <p role="alert">{problem}</p> : null}
      <div className="actions">
        <button type="button" className="button" onClick={() => void answer(true)}>
          {t("handoff.accept")}
        </button>
        <button type="button" className="button secondary" onClick={() => void answer(false)}>
          {t("handoff.notNow")}
        </button>
      </div>
    </section>
  );
}
