/**
 * The one socket store: a single WebSocket to /api/v1/ws for the signed-in member, driven by the
 * state machine in machine.ts. It resumes from the last seq it saw in each conversation, fills a
 * `gap` over REST, sends the outbox once synced, pings every `heartbeatMs`, treats two silent
 * intervals as a dead connection, and reconnects with backoff and jitter (at once when the
 * browser says it is back online). Screens read it through hooks.ts.
 */
import { api } from "../api/client";
import type { ClientFrame, ConversationEvent, ServerFrame } from "../api/types";
import { ConversationHistory, type FetchEvents, type HistoryState } from "./history";
import { type ConnectionState, backoffMs, nextState } from "./machine";
import { type Outgoing, Outbox } from "./outbox";
import { ReadMarkers } from "./read-markers";
import { type TabStorage, tabStorage } from "./tab-storage";
import { TypingTracker } from "./typing";

type Listener = () => void;
/** Opens the connection; browsers use the page's own origin and cookie, tests may bring their own. */
export type OpenSocket = () => WebSocket;

/** WebSocket.OPEN, spelled out so the store also runs where WebSocket is not a global. */
const socketOpen = 1;
type FrameListener = (frame: ServerFrame) => void;

export interface StoreOptions {
  /** Where drafts and unsent messages survive a reload; the tab's sessionStorage by default. */
  storage?: TabStorage;
  /** How history pages are read; the REST client by default. */
  fetchEvents?: FetchEvents;
}

export class SocketStore {
  state: ConnectionState = "idle";
  /** Was the connection ever open? Lets the status say "Back online" rather than nothing. */
  wasOpen = false;
  private socket: WebSocket | undefined;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private heartbeatMs = 25_000;
  private readonly listeners = new Set<Listener>();
  private readonly frameListeners = new Set<FrameListener>();
  private readonly storage: TabStorage;
  private readonly history: ConversationHistory;
  readonly outbox: Outbox;
  readonly typingNow = new TypingTracker();
  readonly reads = new ReadMarkers();
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every change, for useSyncExternalStore. */
  version = 0;

  constructor(
    private readonly open: OpenSocket = openOwnOrigin,
    options: StoreOptions = {},
  ) {
    this.storage = options.storage ?? tabStorage;
    this.outbox = new Outbox(this.storage);
    this.history = new ConversationHistory(options.fetchEvents ?? ((id, query) => api.events(id, query)), () => this.changed());
  }

  start(): void {
    if (this.state !== "idle") return;
    this.move("start");
    this.watchBrowserNetwork(true);
    this.connect();
  }

  /**
   * Closes the connection on purpose and keeps everything else (history, the outbox, the tab's
   * storage); `start()` picks up where it left off, resuming from the last seq seen. For a request
   * that ends the session itself when it succeeds (deleting the account): the server then closes
   * the socket, and that close must not read as a dropped connection to report and reconnect.
   */
  pause(): void {
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.typingTimer);
    this.watchBrowserNetwork(false);
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000);
    this.move("stop");
    this.changed();
  }

  /**
   * Sign-out: close for good and forget everything this member had. `keep` names values of the
   * tab's storage that are not the member's and stay (see SocketLifecycle).
   */
  stop(keep: readonly string[] = []): void {
    this.pause();
    this.wasOpen = false;
    this.history.clear();
    this.outbox.clear();
    this.typingNow.clear();
    this.reads.clear();
    // Drafts and unsent messages must not outlive the member's session on a shared device.
    this.storage.forgetAll(keep);
    this.changed();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  /** Events of one conversation in seq order (the same array until something changes). */
  eventsOf(conversationId: string): ConversationEvent[] {
    return this.history.eventsOf(conversationId);
  }

  historyOf(conversationId: string): HistoryState {
    return this.history.stateOf(conversationId);
  }

  /** A conversation is on screen: read its latest page (once) over REST. */
  loadLatest(conversationId: string): Promise<void> {
    return this.history.loadLatest(conversationId);
  }

  /** The member scrolled up: the page before the first event held. */
  loadOlder(conversationId: string): Promise<void> {
    return this.history.loadOlder(conversationId);
  }

  /** History fetched elsewhere joins the live events; duplicates by seq are dropped. */
  addEvents(events: ConversationEvent[]): void {
    for (const event of events) this.history.keep(event);
    this.changed();
  }

  /** Local echo at once; it goes out now if open, or as soon as the connection is back. */
  send(conversationId: string, body: string, contentWarning?: string): Outgoing {
    const item = this.outbox.add(conversationId, body, contentWarning);
    if (this.state === "open") this.transmit(item);
    this.changed();
    return item;
  }

  /** The member is typing: tell the others, at most every 3 s per conversation. */
  typing(conversationId: string): void {
    if (this.state !== "open") return;
    if (this.typingNow.shouldSend(conversationId)) this.write({ op: "typing", conversationId });
  }

  /** "Failed — retry": the same clientMsgId again, so the message can never be stored twice. */
  retry(clientMsgId: string): void {
    const item = this.outbox.retry(clientMsgId);
    if (item && this.state === "open") this.transmit(item);
    this.changed();
  }

  /** The member has seen up to `seq`; said once per seq, and only on an open connection. */
  markRead(conversationId: string, seq: number): void {
    if (this.state !== "open" || seq <= 0) return;
    if (this.reads.shouldSend(conversationId, seq)) this.write({ op: "read", conversationId, seq });
  }

  private connect(): void {
    let socket: WebSocket;
    try {
      socket = this.open();
    } catch {
      this.dropped();
      return;
    }
    this.socket = socket;
    socket.onmessage = (message) => {
      if (socket !== this.socket) return;
      this.lastHeard = Date.now();
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(message.data)) as ServerFrame;
      } catch {
        return;
      }
      this.handle(frame);
    };
    socket.onclose = () => {
      if (socket === this.socket) this.dropped();
    };
  }

  private handle(frame: ServerFrame): void {
    switch (frame.op) {
      case "hello":
        this.move("hello");
        this.heartbeatMs = frame.heartbeatMs;
        this.startHeartbeat();
        this.write({ op: "resume", since: this.history.resumePoints() });
        break;
      case "synced":
        this.move("synced");
        this.attempt = 0;
        this.wasOpen = true;
        for (const item of this.outbox.pending()) this.transmit(item);
        break;
      case "event":
        this.history.keep(frame.event);
        if (frame.event.type === "message.created" && frame.event.actorId) this.typingNow.stopped(frame.event.conversationId, frame.event.actorId);
        break;
      case "gap":
        void this.history.fillGap(frame.conversationId, frame.fromSeq, frame.toSeq);
        break;
      case "ack": {
        const item = this.outbox.byRef(frame.ref);
        if (item) this.outbox.markSent(item, frame.seq);
        break;
      }
      case "error": {
        const item = frame.ref === undefined ? undefined : this.outbox.byRef(frame.ref);
        if (item && item.status === "sending") this.outbox.markFailed(item, frame.error.code);
        break;
      }
      case "typing": {
        const until = this.typingNow.heard(frame.conversationId, frame.userId, frame.expiresInMs);
        // Re-render when it lapses, so "is typing" goes away by itself.
        if (until !== undefined) {
          clearTimeout(this.typingTimer);
          this.typingTimer = setTimeout(() => this.changed(), until - Date.now() + 50);
        }
        break;
      }
      case "read":
        this.reads.heard(frame.conversationId, frame.userId, frame.seq);
        break;
      default:
        break;
    }
    for (const listener of this.frameListeners) listener(frame);
    this.changed();
  }

  private transmit(item: Outgoing): void {
    const warning = item.contentWarning ? { contentWarning: item.contentWarning } : {};
    this.write({ op: "send", ref: item.ref, conversationId: item.conversationId, clientMsgId: item.clientMsgId, body: item.body, ...warning });
  }

  private write(frame: ClientFrame): void {
    if (this.socket?.readyState === socketOpen) this.socket.send(JSON.stringify(frame));
  }

  private startHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    this.lastHeard = Date.now();
    this.heartbeatTimer = setInterval(() => {
      // Two intervals without a word from the server: the connection is dead even if the browser has not noticed.
      if (Date.now() - this.lastHeard > 2 * this.heartbeatMs) {
        this.socket?.close();
        this.dropped();
        return;
      }
      this.write({ op: "ping", t: Date.now() });
    }, this.heartbeatMs);
  }

  private dropped(): void {
    if (this.state === "idle") return;
    clearInterval(this.heartbeatTimer);
    this.socket = undefined;
    this.move("drop");
    clearTimeout(this.retryTimer);
    const delay = backoffMs(this.attempt);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      if (this.state !== "offline") return;
      this.move("retry");
      this.connect();
    }, delay);
    this.changed();
  }

  /**
   * The browser's own word on the network: "offline" ends a connection that can no longer carry
   * anything (without waiting two heartbeats), "online" reconnects at once instead of after the
   * backoff.
   */
  private watchBrowserNetwork(on: boolean): void {
    if (typeof window === "undefined") return;
    if (on) {
      window.addEventListener("offline", this.browserOffline);
      window.addEventListener("online", this.browserOnline);
    } else {
      window.removeEventListener("offline", this.browserOffline);
      window.removeEventListener("online", this.browserOnline);
    }
  }

  private readonly browserOffline = (): void => {
    if (this.state === "idle" || this.state === "offline") return;
    this.socket?.close();
    this.dropped();
  };

  private readonly browserOnline = (): void => {
    if (this.state !== "offline") return;
    clearTimeout(this.retryTimer);
    this.move("retry");
    this.connect();
    this.changed();
  };

  private move(event: Parameters<typeof nextState>[1]): void {
    this.state = nextState(this.state, event);
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

function openOwnOrigin(): WebSocket {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return new WebSocket(`${scheme}//${location.host}/api/v1/ws`);
}

/** The app's one connection. */
export const socketStore = new SocketStore();
