/**
 * Each conversation's log as this tab knows it: events by seq, from the latest page read over
 * REST, live and replayed events from the socket, older pages read when the member scrolls up,
 * and the pages that fill a `gap` frame. Duplicates by seq are dropped, so an event that arrives
 * twice (live and in a page) shows once.
 */
import type { ConversationEvent } from "../api/types";

/** One page of GET /api/v1/conversations/:id/events. */
export type FetchEvents = (
  conversationId: string,
  query: { afterSeq?: number; beforeSeq?: number; limit?: number },
) => Promise<{ events: ConversationEvent[]; hasMore: boolean }>;

export interface HistoryState {
  /** The latest page has been read (or live events have arrived) — until then, "loading", never "no messages". */
  loaded: boolean;
  /** A `gap` is being filled over REST. */
  resyncing: boolean;
  /** Older events exist before the first one held. */
  hasOlder: boolean;
  loadingOlder: boolean;
  /** The last attempt to read history failed (the screen says so and offers to try again). */
  failed: boolean;
}

const pageSize = 50;
const gapPageSize = 100;

export class ConversationHistory {
  private readonly logs = new Map<string, Map<number, ConversationEvent>>();
  private readonly snapshots = new Map<string, ConversationEvent[]>();
  private readonly states = new Map<string, HistoryState>();
  /** Conversations with a gap not yet filled, and the seq just before it. */
  private readonly unfilledGaps = new Map<string, number>();

  constructor(
    private readonly fetchEvents: FetchEvents,
    private readonly changed: () => void,
  ) {}

  /** Events of one conversation in seq order (the same array until something changes). */
  eventsOf(conversationId: string): ConversationEvent[] {
    let snapshot = this.snapshots.get(conversationId);
    if (!snapshot) {
      snapshot = [...(this.logs.get(conversationId)?.values() ?? [])].sort((a, b) => a.seq - b.seq);
      this.snapshots.set(conversationId, snapshot);
    }
    return snapshot;
  }

  stateOf(conversationId: string): HistoryState {
    return this.states.get(conversationId) ?? { loaded: false, resyncing: false, hasOlder: false, loadingOlder: false, failed: false };
  }

  /** Returns whether the event was new. */
  keep(event: ConversationEvent): boolean {
    let log = this.logs.get(event.conversationId);
    if (!log) {
      log = new Map();
      this.logs.set(event.conversationId, log);
    }
    if (log.has(event.seq)) return false;
    log.set(event.seq, event);
    this.snapshots.delete(event.conversationId);
    return true;
  }

  /**
   * Where to resume each conversation held: the last seq held, or, while a gap is not yet filled,
   * the seq before the gap, so the next resume replays it rather than skipping past it. (Seqs
   * held need not be unbroken: the server leaves out messages from members one has blocked.)
   */
  resumePoints(): Record<string, number> {
    const since: Record<string, number> = {};
    for (const [conversationId, log] of this.logs) {
      let last = 0;
      for (const seq of log.keys()) last = Math.max(last, seq);
      const gapFloor = this.unfilledGaps.get(conversationId);
      since[conversationId] = gapFloor === undefined ? last : Math.min(gapFloor, last);
    }
    return since;
  }

  /** The latest page, when a conversation is opened; later calls do nothing once it is loaded. */
  async loadLatest(conversationId: string): Promise<void> {
    const state = this.stateOf(conversationId);
    if (state.loaded && !state.failed) return;
    try {
      const page = await this.fetchEvents(conversationId, { limit: pageSize });
      for (const event of page.events) this.keep(event);
      this.update(conversationId, { loaded: true, failed: false, hasOlder: page.hasMore });
    } catch {
      this.update(conversationId, { failed: true });
    }
  }

  /** The page before the first event held (the member scrolled up). */
  async loadOlder(conversationId: string): Promise<void> {
    const state = this.stateOf(conversationId);
    const first = this.eventsOf(conversationId)[0];
    if (state.loadingOlder || !state.hasOlder || !first) return;
    this.update(conversationId, { loadingOlder: true });
    try {
      const page = await this.fetchEvents(conversationId, { beforeSeq: first.seq, limit: pageSize });
      for (const event of page.events) this.keep(event);
      this.update(conversationId, { loadingOlder: false, hasOlder: page.hasMore, failed: false });
    } catch {
      this.update(conversationId, { loadingOlder: false, failed: true });
    }
  }

  /**
   * A `gap` frame: more was missed than the socket replays. Page forward from `fromSeq` until
   * `toSeq` is held (or the server says there is no more). The loop is bounded by the size of the
   * gap, so a server that keeps answering the same page cannot keep it going.
   */
  async fillGap(conversationId: string, fromSeq: number, toSeq: number): Promise<void> {
    let cursor = Math.max(0, fromSeq - 1);
    const floor = this.unfilledGaps.get(conversationId);
    this.unfilledGaps.set(conversationId, floor === undefined ? cursor : Math.min(floor, cursor));
    this.update(conversationId, { resyncing: true });
    const maxPages = Math.ceil((toSeq - cursor) / gapPageSize) + 2;
    try {
      for (let pages = 0; pages < maxPages && cursor < toSeq; pages += 1) {
        const page = await this.fetchEvents(conversationId, { afterSeq: cursor, limit: gapPageSize });
        for (const event of page.events) this.keep(event);
        const last = page.events[page.events.length - 1];
        if (!last || last.seq <= cursor) break;
        cursor = last.seq;
        if (!page.hasMore) break;
        this.changed();
      }
      this.unfilledGaps.delete(conversationId);
      this.update(conversationId, { resyncing: false, loaded: true, failed: false });
    } catch {
      // The gap stays recorded: the next resume starts from before it (resumePoints), so it is not lost.
      this.update(conversationId, { resyncing: false, failed: true });
    }
  }

  clear(): void {
    this.logs.clear();
    this.snapshots.clear();
    this.states.clear();
    this.unfilledGaps.clear();
  }

  private update(conversationId: string, patch: Partial<HistoryState>): void {
    this.states.set(conversationId, { ...this.stateOf(conversationId), ...patch });
    this.changed();
  }
}
