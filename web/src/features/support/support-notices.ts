/**
 * What the socket tells a member about supporters' care, kept for the screens that show it:
 * hand-off offers to a member (`handoff.offer`, by conversation), the break nudge to a supporter
 * on a long shift (`shift.break-due`), which hand-off brought a supporter into a conversation
 * (`match.found` with `handoffId`), so they can read the note left for them, and, for the
 * supporter who tapped out, which hand-off they offered in a conversation and how the member
 * answered (`handoff.decided`). Which hand-off brought or was offered is kept in sessionStorage,
 * so a reload of the tab still finds the note or asks the server for the answer; the rest in
 * memory.
 */
import { useSyncExternalStore } from "react";
import type { HandoffDecidedFrame, HandoffOfferFrame } from "../../api/types";
import { socketStore } from "../../socket/store";

type Listener = () => void;
const notesKey = "kindred.handoffNotes";
const offeredKey = "kindred.handoffsOffered";

function readIds(key: string): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? "{}") as Record<string, string>;
  } catch {
    return {};
  }
}

function writeIds(key: string, ids: Record<string, string>): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(ids));
  } catch {
    // Storage can be off: the ids are still known until the tab is reloaded.
  }
}

interface State {
  offers: Map<string, HandoffOfferFrame>;
  /** `startedAt` of the shift whose break the server said is due. */
  breakDueFor: string | null;
  /** conversationId → the hand-off that brought this supporter into it. */
  handedNotes: Record<string, string>;
  /** conversationId → the latest hand-off this supporter offered in it. */
  offered: Record<string, string>;
  /** handoffId → the member's answer, as `handoff.decided` said (final once given). */
  decided: Record<string, HandoffDecidedFrame["outcome"]>;
}

class SupportNotices {
  state: State = { offers: new Map(), breakDueFor: null, handedNotes: readIds(notesKey), offered: readIds(offeredKey), decided: {} };
  private readonly listeners = new Set<Listener>();

  constructor() {
    socketStore.onFrame((frame) => {
      if (frame.op === "handoff.offer") {
        // A newer offer in a conversation replaces the older one, as on the server.
        this.set({ offers: new Map(this.state.offers).set(frame.conversationId, frame) });
      } else if (frame.op === "shift.break-due") {
        this.set({ breakDueFor: frame.startedAt });
      } else if (frame.op === "match.found" && frame.handoffId) {
        const handedNotes = { ...this.state.handedNotes, [frame.conversationId]: frame.handoffId };
        writeIds(notesKey, handedNotes);
        this.set({ handedNotes });
      } else if (frame.op === "handoff.decided") {
        this.set({ decided: { ...this.state.decided, [frame.handoffId]: frame.outcome } });
      }
    });
    // Sign-out (the socket going back to idle) forgets all of it.
    let previous = socketStore.state;
    socketStore.subscribe(() => {
      const signedOut = previous !== "idle" && socketStore.state === "idle";
      previous = socketStore.state;
      if (!signedOut) return;
      writeIds(notesKey, {});
      writeIds(offeredKey, {});
      this.set({ offers: new Map(), breakDueFor: null, handedNotes: {}, offered: {}, decided: {} });
    });
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The member answered the offer (or it was replaced): it leaves the screen. */
  forgetOffer(conversationId: string): void {
    const offers = new Map(this.state.offers);
    offers.delete(conversationId);
    this.set({ offers });
  }

  /** This supporter offered a hand-off in a conversation (a newer one replaces the older, as on the server). */
  rememberOffered(conversationId: string, handoffId: string): void {
    const offered = { ...this.state.offered, [conversationId]: handoffId };
    writeIds(offeredKey, offered);
    this.set({ offered });
  }

  private set(change: Partial<State>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}

export const supportNotices = new SupportNotices();

export function useSupportNotices(): State {
  return useSyncExternalStore(supportNotices.subscribe, () => supportNotices.state);
}
