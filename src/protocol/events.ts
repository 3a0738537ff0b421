/** The `event` object of protocol.md "Conversations": one entry of a conversation's log. */

export type EventType =
  | "message.created"
  | "message.edited"
  | "message.deleted"
  | "member.joined"
  | "member.left"
  | "member.removed"
  | "checkin.updated"
  | "conversation.kept"
  | "conversation.paused"
  | "conversation.closed";

export interface ConversationEvent {
  conversationId: string;
  seq: number;
  type: EventType;
  at: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

export function isMessageEvent(event: ConversationEvent): boolean {
  return event.type.startsWith("message.");
}
