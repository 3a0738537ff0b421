/** The domain's Notifier, carried by the bus to every node. */
import type { Notifier } from "../domain/notifier.js";
import type { ConversationEvent } from "../protocol/common.js";
import type { ServerFrame } from "../protocol/ws/server-frames.js";
import { type Bus, topics } from "./bus.js";

export class BusNotifier implements Notifier {
  constructor(private readonly bus: Bus) {}

  events(events: ConversationEvent[], hiddenFrom: readonly string[] = []): void {
    for (const event of events) this.bus.publish(topics.conversation(event.conversationId), { kind: "event", event, hiddenFrom });
  }

  joined(userId: string, conversationId: string, seq: number): void {
    this.bus.publish(topics.user(userId), { kind: "joined", userId, conversationId, seq });
  }

  left(userId: string, conversationId: string): void {
    this.bus.publish(topics.user(userId), { kind: "left", userId, conversationId });
  }

  read(conversationId: string, userId: string, seq: number, apart: readonly string[]): void {
    this.bus.publish(topics.conversation(conversationId), { kind: "read", conversationId, userId, seq, hiddenFrom: apart });
  }

  toUser(userId: string, frame: ServerFrame): void {
    this.bus.publish(topics.user(userId), { kind: "to-user", userId, frame });
  }

  sessionEnded(userId: string, sessionId: string | null): void {
    this.bus.publish(topics.user(userId), { kind: "session-ended", userId, sessionId });
  }
}
