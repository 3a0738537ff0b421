/**
 * The one socket store: a single WebSocket to /api/v1/ws for the signed-in member, driven by the
 * state machine in machine.ts. It resumes from the last seq it saw in each conversation, sends
 * the outbox once synced, pings every `heartbeatMs`, treats two silent intervals as a dead
 * connection, and reconnects with backoff and jitter. Screens read it through hooks.ts.
 */
import type { ClientFrame, ConversationEvent, ServerFrame } from "../api/types";
import { type ConnectionState, backoffMs, nextState } from "./machine";
import { type Outgoing, Outbox } from "./outbox";

type Listener = () => void;
/** Opens the connection; browsers use the page's own origin and cookie, tests may bring their own. */
export type OpenSocket = () => WebSocket;

/** WebSocket.OPEN, spelled out so the store also runs where WebSocket is not a global. */
const socketOpen = 1;
type FrameListener = (frame: ServerFrame) => void;

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
  private readonly events = new Map<string, Map<number, ConversationEvent>>();
  private readonly snapshots = new Map<string, ConversationEvent[]>();
  readonly outbox = new Outbox();
  /** Bumped on every change, for useSyncExternalStore. */
  version = 0;

  constructor(private readonly open: OpenSocket = openOwnOrigin) {}

  start(): void {
    if (this.state !== "idle") return;
    this.move("start");
    this.connect();
  }

  /** Sign-out: close for good and forget everything this member had. */
  stop(): void {
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeatTimer);
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000);
    this.move("stop");
    this.wasOpen = false;
    this.events.clear();
    this.snapshots.clear();
    this.outbox.clear();
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
    let snapshot = this.snapshots.get(conversationId);
    if (!snapshot) {
      snapshot = [...(this.events.get(conversationId)?.values() ?? [])].sort((a, b) => a.seq - b.seq);
      this.snapshots.set(conversationId, snapshot);
    }
    return snapshot;
  }

  /** History fetched over REST joins the live events; duplicates by seq are dropped. */
  addEvents(events: ConversationEvent[]): void {
    for (const event of events) this.keep(event);
    this.changed();
  }

  /** Local echo at once; it goes out now if open, or as soon as the connection is back. */
  send(conversationId: string, body: string): Outgoing {
    const item = this.outbox.add(conversationId, body);
    if (this.state === "open") this.transmit(item);
    this.changed();
    return item;
  }

  /** "Failed — retry": the same clientMsgId again, so the message can never be stored twice. */
  retry(clientMsgId: string): void {
    const item = this.outbox.retry(clientMsgId);
    if (item && this.state === "open") this.transmit(item);
    this.changed();
  }

  markRead(conversationId: string, seq: number): void {
    this.write({ op: "read", conversationId, seq });
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
        this.write({ op: "resume", since: this.resumePoints() });
        break;
      case "synced":
        this.move("synced");
        this.attempt = 0;
        this.wasOpen = true;
        for (const item of this.outbox.pending()) this.transmit(item);
        break;
      case "event":
        this.keep(frame.event);
        break;
      case "ack": {
        const item = this.outbox.byRef(frame.ref);
        if (item) {
          item.status = "sent";
          item.seq = frame.seq;
        }
        break;
      }
      case "error": {
        const item = frame.ref === undefined ? undefined : this.outbox.byRef(frame.ref);
        if (item && item.status === "sending") {
          item.status = "failed";
          item.errorCode = frame.error.code;
        }
        break;
      }
      default:
        break;
    }
    for (const listener of this.frameListeners) listener(frame);
    this.changed();
  }

  private keep(event: ConversationEvent): void {
    let log = this.events.get(event.conversationId);
    if (!log) {
      log = new Map();
      this.events.set(event.conversationId, log);
    }
    if (log.has(event.seq)) return;
    log.set(event.seq, event);
    this.snapshots.delete(event.conversationId);
  }

  /** Only conversations already on screen are resumed; others are read over REST when opened. */
  private resumePoints(): Record<string, number> {
    const since: Record<string, number> = {};
    for (const [conversationId, log] of this.events) {
      let last = 0;
      for (const seq of log.keys()) last = Math.max(last, seq);
      since[conversationId] = last;
    }
    return since;
  }

  private transmit(item: Outgoing): void {
    this.write({ op: "send", ref: item.ref, conversationId: item.conversationId, clientMsgId: item.clientMsgId, body: item.body });
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
