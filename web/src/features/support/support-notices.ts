/**
 * What the socket tells a member about supporters' care, kept for the screens that show it:
 * hand-off offers to a member (`handoff.offer`, by conversation), the break nudge to a supporter
 * on a long shift (`shift.break-due`), and which hand-off brought a supporter into a conversation
 * (`match.found` with `handoffId`), so they can read the note left for them. That last one is
 * kept in sessionStorage, so a reload of the tab still finds the note; the rest in memory.
 */
import { useSyncExternalStore } from "react";
import type { HandoffOfferFrame } from "../../api/types";
import { socketStore } from "../../socket/store";

type Listener = () => void;
const notesKey = "kindred.handoffNotes";

function readNotes(): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(notesKey) ?? "{}") as Record<string, string>;
  } catch {
    return {};
  }
}

function writeNotes(notes: Record<string, string>): void {
  try {
    sessionStorage.setItem(notesKey, JSON.stringify(notes));
  } catch {
    // Storage can be off: the note is still found until the tab is reloaded.
  }
}

interface State {
  offers: Map<string, HandoffOfferFrame>;
  /** `startedAt` of the shift whose break the server said is due. */
  breakDueFor: string | null;
  handedNotes: Record<string, string>;
}

class SupportNotices {
  state: State = { offers: new Map(), breakDueFor: null, handedNotes: readNotes() };
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
        writeNotes(handedNotes);
        this.set({ handedNotes });
      }
    });
    // Sign-out (the socket going back to idle) forgets all of it.
    let previous = socketStore.state;
    socketStore.subscribe(() => {
      const signedOut = previous !== "idle" && socketStore.state === "idle";
      previous = socketStore.state;
      if (!signedOut) return;
      writeNotes({});
      this.set({ offers: new Map(), breakDueFor: null, handedNotes: {} });
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

  private set(change: Partial<State>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}

export const supportNotices = new SupportNotices();

export function useSupportNotices(): State {
  return useSyncExternalStore(supportNotices.subscribe, () => supportNotices.state);
}
