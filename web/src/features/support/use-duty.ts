/** Going on or off duty (PATCH /api/v1/me {onDuty}); the answer's `user.shift` is the new shift. */
import { useState } from "react";
import { api } from "../../api/client";
import { useT } from "../../i18n/I18nProvider";
import { generalErrorMessage } from "../../ui/form-errors";
import { useSetMe } from "../auth/session";

export function useDuty() {
  const t = useT();
  const setMe = useSetMe();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function setOnDuty(onDuty: boolean): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setProblem(null);
    try {
      const { user } = await api.updateMe({ onDuty });
      setMe(user);
      return true;
    } catch (error) {
      setProblem(generalErrorMessage(error, t));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, problem, setOnDuty };
}
