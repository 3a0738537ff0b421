/**
 * A draft per conversation, kept in this tab's storage (sessionStorage, never localStorage) so a
 * reload or an accidental navigation loses nothing; sign-out forgets it with everything else the
 * tab kept (socket/tab-storage.ts).
 */
import { useCallback, useState } from "react";
import { tabStorage } from "../../socket/tab-storage";

export interface Draft {
  body: string;
  contentWarning: string;
}

const nameOf = (conversationId: string) => `draft.${conversationId}`;

export function readDraft(conversationId: string): Draft {
  const saved = tabStorage.read<Partial<Draft>>(nameOf(conversationId));
  return { body: typeof saved?.body === "string" ? saved.body : "", contentWarning: typeof saved?.contentWarning === "string" ? saved.contentWarning : "" };
}

export function useDraft(conversationId: string): [Draft, (next: Draft) => void] {
  const [draft, setDraft] = useState<Draft>(() => readDraft(conversationId));
  const update = useCallback(
    (next: Draft) => {
      setDraft(next);
      if (next.body || next.contentWarning) tabStorage.write(nameOf(conversationId), next);
      else tabStorage.remove(nameOf(conversationId));
    },
    [conversationId],
  );
  return [draft, update];
}
