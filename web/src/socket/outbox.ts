/**
 * Messages the member has written that the server has not yet confirmed. Each keeps its
 * `clientMsgId` for life: a retry, automatic or by hand, resends the same id, so the server
 * stores it once however many times it goes out (protocol.md "send").
 */

export type OutgoingStatus = "sending" | "sent" | "failed";

export interface Outgoing {
  clientMsgId: string;
  conversationId: string;
  body: string;
  /** The current attempt's `ref`; a new one per attempt, so a late ack of an old attempt is still matched by id. */
  ref: string;
  status: OutgoingStatus;
  createdAt: string;
  seq?: number;
  errorCode?: string;
}

let refCounter = 0;

export function newRef(): string {
  refCounter += 1;
  return `r${Date.now().toString(36)}-${refCounter}`;
}

export function newClientMsgId(): string {
  return crypto.randomUUID();
}

export class Outbox {
  private readonly items: Outgoing[] = [];

  add(conversationId: string, body: string): Outgoing {
    const item: Outgoing = {
      clientMsgId: newClientMsgId(),
      conversationId,
      body,
      ref: newRef(),
      status: "sending",
      createdAt: new Date().toISOString(),
    };
    this.items.push(item);
    return item;
  }

  /** Waiting to go out, oldest first, so offline sends keep their order when they finally go. */
  pending(): Outgoing[] {
    return this.items.filter((item) => item.status === "sending");
  }

  byRef(ref: string | number): Outgoing | undefined {
    return this.items.find((item) => item.ref === String(ref));
  }

  byClientMsgId(clientMsgId: string): Outgoing | undefined {
    return this.items.find((item) => item.clientMsgId === clientMsgId);
  }

  /** Failed → sending again, with the same clientMsgId and a fresh ref. */
  retry(clientMsgId: string): Outgoing | undefined {
    const item = this.byClientMsgId(clientMsgId);
    if (!item || item.status !== "failed") return undefined;
    item.status = "sending";
    item.ref = newRef();
    delete item.errorCode;
    return item;
  }

  forConversation(conversationId: string): Outgoing[] {
    return this.items.filter((item) => item.conversationId === conversationId);
  }

  clear(): void {
    this.items.length = 0;
  }
}
