/**
 * Fan-out between nodes. The bus only says what happened; the database stays
 * the source of truth, and a receiver that sees a gap in a conversation's seqs
 * reads the missing events from the store (engineering.md "Shape of the system").
 *
 * Topics: `c:<conversationId>` (events and ephemeral signals of a conversation),
 * `u:<userId>` (things that change what a member's sockets follow), `presence`,
 * `resources` (an administrator replaced the crisis lines: reload them).
 */
import type { ConversationEvent } from "../protocol/common.js";
import type { ServerFrame } from "../protocol/ws/server-frames.js";

/**
 * `hiddenFrom` on a fan-out names the members who must not receive it, decided
 * from the store where it started (blocks), so receivers need no cache of their own.
 */
export type BusMessage =
  | { kind: "event"; event: ConversationEvent; hiddenFrom: readonly string[] }
  | { kind: "typing"; conversationId: string; userId: string; expiresInMs: number; hiddenFrom: readonly string[] }
  | { kind: "read"; conversationId: string; userId: string; seq: number; hiddenFrom: readonly string[] }
  | { kind: "joined"; userId: string; conversationId: string; seq: number }
  | { kind: "left"; userId: string; conversationId: string }
  | { kind: "session-ended"; userId: string; sessionId: string | null }
  | { kind: "to-user"; userId: string; frame: ServerFrame }
  | { kind: "presence"; userId: string; status: "online" | "offline"; conversationIds: string[]; hiddenFrom: readonly string[] }
  | { kind: "resources-replaced" };

export type BusHandler = (message: BusMessage) => void;

export interface Bus {
  publish(topic: string, message: BusMessage): void;
  subscribe(topic: string, handler: BusHandler): void;
  unsubscribe(topic: string, handler: BusHandler): void;
  close(): Promise<void>;
}

export const topics = {
  conversation: (id: string) => `c:${id}`,
  user: (id: string) => `u:${id}`,
  presence: "presence",
  resources: "resources",
};

/** Handlers by topic, delivered synchronously in publish order. Also the local half of the Redis bus. */
export class LocalBus implements Bus {
  private readonly handlers = new Map<string, Set<BusHandler>>();

  publish(topic: string, message: BusMessage): void {
    const set = this.handlers.get(topic);
    if (!set) return;
    for (const handler of [...set]) handler(message);
  }

  subscribe(topic: string, handler: BusHandler): void {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    set.add(handler);
  }

  unsubscribe(topic: string, handler: BusHandler): void {
    const set = this.handlers.get(topic);
    if (!set) return;
    set.delete(handler);
    if (set.size === 0) this.handlers.delete(topic);
  }

  hasSubscribers(topic: string): boolean {
    return this.handlers.has(topic);
  }

  /** The topics that have handlers now. */
  topics(): string[] {
    return [...this.handlers.keys()];
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
