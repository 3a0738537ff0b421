/**
 * Opens the socket while a member is signed in and closes it when they are not (which also
 * forgets the tab's drafts and unsent messages). When a match is found the socket hears
 * `match.found` and takes the member straight to the conversation. A `gap` is filled by the
 * socket store itself.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { useLocation } from "wouter";
import type { ServerFrame } from "../api/types";
import { returnToName } from "../features/auth/return-to";
import { meKey, useMe } from "../features/auth/session";
import { useConnectionState, useFrames } from "../socket/hooks";
import { socketStore } from "../socket/store";

export function SocketLifecycle() {
  const me = useMe();
  const signedIn = Boolean(me.data);
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();

  // Whether a member was signed in at some point since this page loaded.
  const hadMember = useRef(false);
  useEffect(() => {
    if (signedIn) {
      hadMember.current = true;
      socketStore.start();
    } else if (me.data === null) {
      // Signed out (here or elsewhere, even before this page loaded): close the socket and forget
      // everything kept for the member, in memory and in the tab's storage, so no draft or unsent
      // message outlives the session or goes out under the next member's name.
      // A session that ended while this page was open takes with it the address the member was
      // on, which the sign-in redirect has just remembered (it renders before this effect runs):
      // on a shared device the next person to sign in here must not be taken there. A page
      // opened signed out keeps the address its visitor was going to (features/auth/return-to.ts).
      socketStore.stop(hadMember.current ? [] : [returnToName]);
      hadMember.current = false;
    }
  }, [signedIn, me.data]);

  const onFrame = useCallback(
    (frame: ServerFrame) => {
      if (frame.op === "match.found") {
        void queryClient.invalidateQueries({ queryKey: ["conversations"] });
        navigate(`/conversations/${encodeURIComponent(frame.conversationId)}`);
      } else if (frame.op === "event") {
        void queryClient.invalidateQueries({ queryKey: ["conversations"] });
      }
    },
    [navigate, queryClient],
  );
  useFrames(onFrame);

  // A connection that drops may mean the session ended elsewhere ("sign out everywhere else",
  // recovery): ask the server who we are; if nobody, the app returns to sign-in and the socket stops.
  const state = useConnectionState();
  useEffect(() => {
    if (state === "offline") void queryClient.invalidateQueries({ queryKey: meKey });
  }, [state, queryClient]);
  return null;
}
