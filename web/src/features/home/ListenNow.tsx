/** "I can listen now": sets availability (PATCH /api/v1/me), and says plainly what that means. */
import { useState } from "react";
import { api } from "../../api/client";
import { useT } from "../../i18n/I18nProvider";
import { generalErrorMessage } from "../../ui/form-errors";
import { useMe, useSetMe } from "../auth/session";

export function ListenNow() {
  const t = useT();
  const me = useMe();
  const setMe = useSetMe();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listening = me.data?.availability === "listen" || me.data?.availability === "either";

  async function change(availability: "listen" | "away") {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const { user } = await api.updateMe({ availability });
      setMe(user);
    } catch (error) {
      setProblem(generalErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="listen-title">
      <h2 id="listen-title">{t("listen.title")}</h2>
      <p role="status">{listening ? t("listen.on") : t("listen.off")}</p>
      {problem ? <p className="field-error">{problem}</p> : null}
      <div className="actions">
        {listening ? (
          <button type="button" className="button secondary" onClick={() => change("away")}>
            {t("listen.stop")}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => change("listen")}>
            {t("listen.start")}
          </button>
        )}
      </div>
    </section>
  );
}
