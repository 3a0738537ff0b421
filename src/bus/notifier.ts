/** The domain's Notifier, carried by the bus to every node. */
import type { Notifier } from "../domain/notifier.js";
import type { ConversationEvent } from "../protocol/events.js";
import { type Bus, topics } from "./bus.js";

export class BusNotifier implements Notifier {
  constructor(private readonly bus: Bus) {}

  events(events: ConversationEvent[]): void {
    for (const event of events) this.bus.publish(topics.conversation(event.conversationId), { kind: "event", event });
  }

  joined(userId: string, conversationId: string, seq: number): void {
    this.bus.publish(topics.user(userId), { kind: "joined", userId, conversationId, seq });
  }

  left(userId: string, conversationId: string): void {
    this.bus.publish(topics.user(userId), { kind: "left", userId, conversationId });
  }

  read(conversationId: string, userId: string, seq: number): void {
    this.bus.publish(topics.conversation(conversationId), { kind: "read", conversationId, userId, seq });
  }

  blocksChanged(userIds: string[]): void {
    for (const userId of userIds) this.bus.publish(topics.user(userId), { kind: "blocks-changed", userId });
  }

  toUser(userId: string, frame: Record<string, unknown>): void {
    this.bus.publish(topics.user(userId), { kind: "to-user", userId, frame });
  }

  sessionEnded(userId: string, sessionId: string | null): void {
    this.bus.publish(topics.user(userId), { kind: "session-ended", userId, sessionId });
  }
}
