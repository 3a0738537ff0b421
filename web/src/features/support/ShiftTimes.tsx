/**
 * The running shift, for the supporter alone (`user.shift`): when it started, how long it has
 * run, and when a break is due. The time on shift moves once a minute and is not a live region,
 * so a screen reader is not interrupted by it.
 */
import type { User } from "../../api/types";
import { useLocaleChoice, useT } from "../../i18n/I18nProvider";
import { minutesSince } from "./shift-time";
import { useNow } from "./use-now";

export function ShiftTimes({ shift }: { shift: NonNullable<User["shift"]> }) {
  const t = useT();
  const { locale } = useLocaleChoice();
  const now = useNow();
  const time = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit" });
  const minutes = minutesSince(shift.startedAt, now);
  return (
    <dl className="shift-times">
      <div>
        <dt>{t("duty.startedAt")}</dt>
        <dd>
          <time dateTime={shift.startedAt}>{time.format(new Date(shift.startedAt))}</time>
        </dd>
      </div>
      <div>
        <dt>{t("duty.onShiftFor")}</dt>
        <dd>{t("duty.duration", { hours: Math.floor(minutes / 60), minutes: minutes % 60 })}</dd>
      </div>
      <div>
        <dt>{t("duty.breakDueAt")}</dt>
        <dd>
          <time dateTime={shift.breakDueAt}>{time.format(new Date(shift.breakDueAt))}</time>
        </dd>
      </div>
    </dl>
  );
}
