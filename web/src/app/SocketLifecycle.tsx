/**
 * Opens the socket while a member is signed in and closes it when they are not. When a match
 * is found the socket hears `match.found` and takes the member straight to the conversation.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { useLocation } from "wouter";
import type { ServerFrame } from "../api/types";
import { useMe } from "../features/auth/session";
import { useFrames } from "../socket/hooks";
import { socketStore } from "../socket/store";

export function SocketLifecycle() {
  const me = useMe();
  const signedIn = Boolean(me.data);
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (signedIn) socketStore.start();
    else if (me.data === null && socketStore.state !== "idle") socketStore.stop();
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
  return null;
}
