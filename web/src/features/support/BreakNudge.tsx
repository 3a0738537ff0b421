/**
 * A gentle nudge to take a break, for a supporter on a long shift: when `shift.break-due`
 * arrives, or once `breakDueAt` has passed. It suggests going off duty and handing over warmly,
 * and can be put aside; it comes back only with the next shift.
 */
import { useState } from "react";
import type { User } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { breakIsDue } from "./shift-time";
import { useSupportNotices } from "./support-notices";
import { useDuty } from "./use-duty";
import { useNow } from "./use-now";

const putAsideKey = "kindred.breakPutAside";

function putAsideFor(): string | null {
  try {
    return sessionStorage.getItem(putAsideKey);
  } catch {
    return null;
  }
}

export function BreakNudge({ me }: { me: User }) {
  const t = useT();
  const notices = useSupportNotices();
  const now = useNow();
  const duty = useDuty();
  const [putAside, setPutAside] = useState(putAsideFor);
  const shift = me.onDuty ? me.shift : undefined;
  if (!shift) return null;
  const due = notices.breakDueFor === shift.startedAt || breakIsDue(shift.breakDueAt, now);
  if (!due || putAside === shift.startedAt) return null;

  const notNow = () => {
    try {
      sessionStorage.setItem(putAsideKey, shift.startedAt);
    } catch {
      // Put aside for as long as this page stays open.
    }
    setPutAside(shift.startedAt);
  };

  return (
    <section className="calm-panel break-nudge" aria-labelledby="break-title">
      <h2 id="break-title">{t("break.title")}</h2>
      <p>{t("break.body")}</p>
      <p>{t("break.handOver")}</p>
      {duty.problem ? <p className="field-error">{duty.problem}</p> : null}
      <div className="actions">
        <button type="button" className="button" onClick={() => void duty.setOnDuty(false)}>
          {t("break.goOffDuty")}
        </button>
        <button type="button" className="button secondary" onClick={notNow}>
          {t("break.notNow")}
        </button>
      </div>
    </section>
  );
}
