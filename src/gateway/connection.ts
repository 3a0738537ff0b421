/**
 * One member's WebSocket, with the little state it needs: which conversations
 * it follows and how far (per-conversation last delivered seq). What it must
 * not see arrives with each event (`hiddenFrom`, decided from the store). Its lifecycle is an explicit state machine
 * (engineering.md habit 8): open → closing → closed; nothing goes back.
 */
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import { frameOut } from "../observability/live-metrics.js";

export type ConnectionState = "open" | "closing" | "closed";

const allowed: Record<ConnectionState, ConnectionState[]> = {
  open: ["closing", "closed"],
  closing: ["closed"],
  closed: [],
};

/** A serialized event frame on its way to this socket. */
export interface Offered {
  seq: number;
  frame: string;
  /** Members this event is not for (they blocked its author). */
  hiddenFrom: readonly string[];
}

/** How far this socket has followed one conversation. While `buffer` is set, a replay is running. */
export interface Follow {
  lastSeq: number | undefined;
  buffer: Offered[] | null;
  /** Bumped by each new replay, so a superseded one cannot settle. */
  generation: number;
}

export class Connection {
  state: ConnectionState = "open";
  readonly follows = new Map<string, Follow>();
  lastSeenAt = Date.now();
  /** When this socket last announced typing in each conversation. */
  readonly typingAt = new Map<string, number>();
  /** Frames are handled one at a time, in arrival order. */
  inbound: Promise<void> = Promise.resolve();
  private corked = false;

  constructor(
    readonly id: string,
    readonly userId: string,
    readonly sessionId: string,
    readonly address: string,
    private readonly ws: WebSocket,
    /** The TCP socket under `ws`, corked while a fan-out writes to it. */
    private readonly socket: Duplex,
    private readonly slowReaderBytes: number,
  ) {}

  transition(next: ConnectionState): void {
    if (!allowed[this.state].includes(next)) throw new Error(`connection cannot go from ${this.state} to ${next}`);
    this.state = next;
  }

  /**
   * Sends one serialized frame. A reader so slow that its buffer passes the limit
   * is closed: memory stays bounded, and the client will resume where it was.
   */
  send(frame: string): void {
    if (this.state !== "open") return;
    if (this.ws.bufferedAmount > this.slowReaderBytes) {
      this.close(1013, "too slow: reconnect and resume");
      return;
    }
    // Frames sent to this socket in one turn of the event loop (a committed batch's acks and
    // events) leave in one write instead of one system call each.
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(this.uncork);
    }
    this.ws.send(frame);
    frameOut(frame);
  }

  private readonly uncork = (): void => {
    this.corked = false;
    this.socket.uncork();
  };

  close(code: number, reason: string): void {
    if (this.state !== "open") return;
    this.transition("closing");
    this.ws.close(code, reason);
    // A peer that never completes the closing handshake is cut off.
    setTimeout(() => this.ws.terminate(), 5_000).unref();
  }

  terminate(): void {
    if (this.state === "closed") return;
    this.ws.terminate();
  }

  /** Offers a conversation event: buffered during a replay, dropped if already seen, skipped if not for this member. */
  offer(conversationId: string, item: Offered): void {
    const follow = this.follows.get(conversationId);
    if (!follow) return;
    if (follow.buffer) {
      follow.buffer.push(item);
      return;
    }
    this.deliver(follow, item);
  }

  /** Ends a replay: sends what was read, then what arrived live meanwhile, skipping repeats. */
  settle(conversationId: string, generation: number, replay: Offered[], lastSeq: number): boolean {
    const follow = this.follows.get(conversationId);
    if (!follow || follow.generation !== generation) return false;
    const live = follow.buffer ?? [];
    follow.buffer = null;
    follow.lastSeq = undefined;
    for (const item of replay) this.deliver(follow, item);
    follow.lastSeq = Math.max(follow.lastSeq ?? 0, lastSeq);
    for (const item of live) this.deliver(follow, item);
    return true;
  }

  private deliver(follow: Follow, { seq, frame, hiddenFrom }: Offered): void {
    if (follow.lastSeq !== undefined && seq <= follow.lastSeq) return;
    follow.lastSeq = seq;
    if (hiddenFrom.includes(this.userId)) return;
    this.send(frame);
  }
}
