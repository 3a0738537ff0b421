/**
 * For peer supporters (members whose roles include `supporter`), on the home page: the on-duty
 * switch, and while on duty the shift's times. Someone who asks to talk to a supporter is
 * brought to the supporter by `match.found`, as any match is. The switch is a native button
 * with role="switch": React Aria's Switch would inject an inline <style>, which the
 * Content-Security-Policy (style-src 'self') blocks.
 */
import type { User } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { ShiftTimes } from "./ShiftTimes";
import { useDuty } from "./use-duty";

export function DutyPanel({ me }: { me: User }) {
  const t = useT();
  const duty = useDuty();
  if (!me.roles.includes("supporter")) return null;
  return (
    <section className="panel" aria-labelledby="duty-title">
      <h2 id="duty-title">{t("duty.title")}</h2>
      <button
        type="button"
        role="switch"
        className="duty-switch"
        aria-checked={me.onDuty}
        aria-describedby="duty-state"
        onClick={() => void duty.setOnDuty(!me.onDuty)}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        {t("duty.switch")}
      </button>
      <p id="duty-state" role="status">
        {me.onDuty ? t("duty.on") : t("duty.off")}
      </p>
      {duty.problem ? <p className="field-error">{duty.problem}</p> : null}
      {me.onDuty && me.shift ? <ShiftTimes shift={me.shift} /> : null}
    </section>
  );
}
