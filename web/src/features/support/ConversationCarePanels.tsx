/**
 * Below a conversation's messages, just above the composer: the private safety panel for the
 * member who wrote words of crisis here (and nobody else), and a hand-off offer for the member.
 * The offer sits in a polite status region, so it is announced without taking focus.
 */
import { SafetyPanel } from "../safety/SafetyPanel";
import { useSafetyNotice } from "../safety/safety-notices";
import { HandoffOffer } from "./HandoffOffer";
import { useSupportNotices } from "./support-notices";

export function ConversationCarePanels({ conversationId }: { conversationId: string }) {
  const notice = useSafetyNotice(conversationId);
  const offer = useSupportNotices().offers.get(conversationId);
  return (
    <>
      <div role="status" className="care-status">
        {offer ? <HandoffOffer offer={offer} /> : null}
      </div>
      {notice ? <SafetyPanel notice={notice} /> : null}
    </>
  );
}
