/**
 * The match request the member is waiting on, kept for this tab (sessionStorage) so a reload
 * shows the same honest wait instead of forgetting it. Only an opaque id is kept.
 */
import { useState } from "react";

const key = "kindred.waitingRequest";

function read(): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

export function useWaitingRequest(): [string | null, (id: string | null) => void] {
  const [id, setId] = useState<string | null>(read);
  return [
    id,
    (next) => {
      try {
        if (next) sessionStorage.setItem(key, next);
        else sessionStorage.removeItem(key);
      } catch {
        // Without storage the wait still works until the page is reloaded.
      }
      setId(next);
    },
  ];
}
