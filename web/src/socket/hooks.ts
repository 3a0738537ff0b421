/** React's view of the socket store. */
import { useEffect, useSyncExternalStore } from "react";
import type { ServerFrame } from "../api/types";
import { socketStore } from "./store";

export function useConnectionState() {
  return useSyncExternalStore(socketStore.subscribe, () => socketStore.state);
}

export function useSocketVersion(): number {
  return useSyncExternalStore(socketStore.subscribe, () => socketStore.version);
}

export function useConversationEvents(conversationId: string) {
  return useSyncExternalStore(socketStore.subscribe, () => socketStore.eventsOf(conversationId));
}

/** Runs `listener` for every frame while the calling screen is shown. */
export function useFrames(listener: (frame: ServerFrame) => void): void {
  useEffect(() => socketStore.onFrame(listener), [listener]);
}
