/**
 * What the domain tells the rest of the system after a commit. The gateway
 * delivers it to sockets on this node and, through the bus, on every node.
 * Kept as an interface so the domain never depends on transport.
 */
import type { ConversationEvent } from "../protocol/events.js";

export interface Notifier {
  /** New log events, in seq order per conversation, after the commit that stored them. */
  events(events: ConversationEvent[]): void;
  /** A member joined (their sockets start following the conversation from `seq`). */
  joined(userId: string, conversationId: string, seq: number): void;
  /** A member left (their sockets stop following it). */
  left(userId: string, conversationId: string): void;
  /** A read marker moved forward. */
  read(conversationId: string, userId: string, seq: number): void;
  /** Either member blocked or unblocked the other. */
  blocksChanged(userIds: string[]): void;
  /** A frame for every socket of one member (e.g. `match.found`). */
  toUser(userId: string, frame: Record<string, unknown>): void;
  /** A session ended (sign-out, recovery, deletion): its sockets close. `null` ends all of them. */
  sessionEnded(userId: string, sessionId: string | null): void;
}
