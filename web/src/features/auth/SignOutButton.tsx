/** Sign out (DELETE /api/v1/sessions/current): the socket closes and every cached answer is forgotten. */
import { useLocation } from "wouter";
import { api } from "../../api/client";
import { useT } from "../../i18n/I18nProvider";
import { socketStore } from "../../socket/store";
import { useSetMe } from "./session";

export function SignOutButton() {
  const t = useT();
  const setMe = useSetMe();
  const [, navigate] = useLocation();
  return (
    <button
      type="button"
      className="button link"
      onClick={async () => {
        try {
          await api.signOut();
        } catch {
          // Already signed out on the server (or unreachable): forget the session here either way.
        }
        socketStore.stop();
        setMe(null);
        navigate("/signed-out");
      }}
    >
      {t("nav.signOut")}
    </button>
  );
}
