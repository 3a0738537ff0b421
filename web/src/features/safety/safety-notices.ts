/**
 * The private safety notices this member has been shown (the `safety` frame), one per
 * conversation, kept in memory only: until dismissed, or until sign-out. The frame reaches only
 * the author of the message (protocol.md), so nothing here is ever about anyone else, and
 * nothing is written to storage or sent anywhere.
 */
import { useSyncExternalStore } from "react";
import type { SafetyFrame } from "../../api/types";
import { type SocketStore, socketStore } from "../../socket/store";

type Listener = () => void;

export class SafetyNotices {
  private notices = new Map<string, SafetyFrame>();
  private readonly listeners = new Set<Listener>();

  constructor(socket: SocketStore = socketStore) {
    socket.onFrame((frame) => {
      if (frame.op === "safety") this.set(new Map(this.notices).set(frame.conversationId, frame));
    });
    // Sign-out forgets everything the member was shown.
    let previous = socket.state;
    socket.subscribe(() => {
      const signedOut = previous !== "idle" && socket.state === "idle";
      previous = socket.state;
      if (signedOut) this.set(new Map());
    });
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  of(conversationId: string): SafetyFrame | undefined {
    return this.notices.get(conversationId);
  }

  dismiss(conversationId: string): void {
    const next = new Map(this.notices);
    next.delete(conversationId);
    this.set(next);
  }

  private set(next: Map<string, SafetyFrame>): void {
    this.notices = next;
    for (const listener of this.listeners) listener();
  }
}

export const safetyNotices = new SafetyNotices();

export function useSafetyNotice(conversationId: string): SafetyFrame | undefined {
  return useSyncExternalStore(safetyNotices.subscribe, () => safetyNotices.of(conversationId));
}
