/**
 * Care notices on every screen of a signed-in member, loaded as its own chunk once they are
 * signed in (which also starts listening for the frames behind them): the break nudge for a
 * supporter on a long shift, and a pointer to a hand-off offer waiting in a conversation the
 * member is not looking at. Announced politely; never takes focus.
 */
import { Link, useLocation } from "wouter";
import { useT } from "../../i18n/I18nProvider";
import { useMe } from "../auth/session";
import "../safety/safety-notices";
import { BreakNudge } from "./BreakNudge";
import { useSupportNotices } from "./support-notices";

export default function CareNotices() {
  const t = useT();
  const me = useMe();
  const [location] = useLocation();
  const notices = useSupportNotices();
  const elsewhere = [...notices.offers.keys()].filter((conversationId) => location !== `/conversations/${encodeURIComponent(conversationId)}`);
  if (!me.data) return null;
  return (
    <div role="status" className="care-notices">
      <BreakNudge me={me.data} />
      {elsewhere.map((conversationId) => (
        <p key={conversationId} className="calm-panel">
          {t("handoff.waitingElsewhere")} <Link href={`/conversations/${encodeURIComponent(conversationId)}`}>{t("handoff.goThere")}</Link>
        </p>
      ))}
    </div>
  );
}
