/**
 * One member's WebSocket, with the little state it needs: which conversations
 * it follows and how far (per-conversation last delivered seq), and the block
 * sets that filter what it sees. Its lifecycle is an explicit state machine
 * (engineering.md habit 8): open → closing → closed; nothing goes back.
 */
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import type { BlockSets } from "../domain/safety/blocks.js";
import { frameOut } from "../observability/live-metrics.js";

export type ConnectionState = "open" | "closing" | "closed";

const allowed: Record<ConnectionState, ConnectionState[]> = {
  open: ["closing", "closed"],
  closing: ["closed"],
  closed: [],
};

interface Buffered {
  seq: number;
  frame: string;
  actorId: string | null;
  isMessage: boolean;
}

/** How far this socket has followed one conversation. While `buffer` is set, a replay is running. */
export interface Follow {
  lastSeq: number | undefined;
  buffer: Buffered[] | null;
  /** Bumped by each new replay, so a superseded one cannot settle. */
  generation: number;
}

export class Connection {
  state: ConnectionState = "open";
  readonly follows = new Map<string, Follow>();
  blocks: BlockSets = { hidden: new Set(), apart: new Set() };
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

  /** Offers a conversation event: buffered during a replay, dropped if already seen, hidden if the author is blocked. */
  offer(conversationId: string, seq: number, frame: string, actorId: string | null, isMessage: boolean): void {
    const follow = this.follows.get(conversationId);
    if (!follow) return;
    if (follow.buffer) {
      follow.buffer.push({ seq, frame, actorId, isMessage });
      return;
    }
    this.deliver(follow, seq, frame, actorId, isMessage);
  }

  /** Ends a replay: sends what was read, then what arrived live meanwhile, skipping repeats. */
  settle(conversationId: string, generation: number, replay: Buffered[], lastSeq: number): boolean {
    const follow = this.follows.get(conversationId);
    if (!follow || follow.generation !== generation) return false;
    const live = follow.buffer ?? [];
    follow.buffer = null;
    follow.lastSeq = undefined;
    for (const item of replay) this.deliver(follow, item.seq, item.frame, item.actorId, item.isMessage);
    follow.lastSeq = Math.max(follow.lastSeq ?? 0, lastSeq);
    for (const item of live) this.deliver(follow, item.seq, item.frame, item.actorId, item.isMessage);
    return true;
  }

  private deliver(follow: Follow, seq: number, frame: string, actorId: string | null, isMessage: boolean): void {
    if (follow.lastSeq !== undefined && seq <= follow.lastSeq) return;
    follow.lastSeq = seq;
    if (isMessage && actorId !== null && this.blocks.hidden.has(actorId)) return;
    this.send(frame);
  }
}
