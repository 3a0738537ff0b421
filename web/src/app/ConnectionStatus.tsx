/**
 * The connection, said in words in a status region (never a silent spinner): offline,
 * reconnecting, back online. Nothing is said on the first connection of a visit.
 */
import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n/I18nProvider";
import { useConnectionState } from "../socket/hooks";

export function ConnectionStatus() {
  const t = useT();
  const state = useConnectionState();
  const [backOnline, setBackOnline] = useState(false);
  const wasDown = useRef(false);

  useEffect(() => {
    if (state === "offline") wasDown.current = true;
    if (state === "open" && wasDown.current) {
      wasDown.current = false;
      setBackOnline(true);
      const timer = setTimeout(() => setBackOnline(false), 5000);
      return () => clearTimeout(timer);
    }
    if (state !== "open") setBackOnline(false);
    return undefined;
  }, [state]);

  let text = "";
  if (state === "offline") text = t("connection.offline");
  else if ((state === "connecting" || state === "resuming") && wasDown.current) text = t("connection.reconnecting");
  else if (backOnline) text = t("connection.backOnline");

  return (
    <p role="status" className="connection-status">
      {text}
    </p>
  );
}
