/**
 * What the domain tells the rest of the system after a commit. The gateway
 * delivers it to sockets on this node and, through the bus, on every node.
 * Kept as an interface so the domain never depends on transport.
 */
import type { ConversationEvent } from "../protocol/common.js";
import type { ServerFrame } from "../protocol/ws/server-frames.js";

export interface Notifier {
  /**
   * New log events, in seq order per conversation, after the commit that stored
   * them; `hiddenFrom` (decided in that write) names members who must not get them.
   */
  events(events: ConversationEvent[], hiddenFrom?: readonly string[]): void;
  /** A member joined (their sockets start following the conversation from `seq`). */
  joined(userId: string, conversationId: string, seq: number): void;
  /** A member left (their sockets stop following it). */
  left(userId: string, conversationId: string): void;
  /** A read marker moved forward; `apart` (from the store) must not see it. */
  read(conversationId: string, userId: string, seq: number, apart: readonly string[]): void;
  /** A frame for every socket of one member (e.g. `match.found`). */
  toUser(userId: string, frame: ServerFrame): void;
  /** A session ended (sign-out, recovery, deletion): its sockets close. `null` ends all of them. */
  sessionEnded(userId: string, sessionId: string | null): void;
}
