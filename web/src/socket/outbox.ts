/**
 * Messages the member has written that the server has not yet confirmed. Each keeps its
 * `clientMsgId` for life: a retry, automatic or by hand, resends the same id, so the server
 * stores it once however many times it goes out (protocol.md "send").
 *
 * Unconfirmed messages are also kept in the tab's storage, so a reload (or a crash of the tab's
 * page) while offline loses nothing: they come back as "sending" and go out, in the order they
 * were written, once the connection is open. One that had in fact reached the server before the
 * reload is answered with its original ack, never stored twice.
 */
import type { TabStorage } from "./tab-storage";

export type OutgoingStatus = "sending" | "sent" | "failed";

export interface Outgoing {
  clientMsgId: string;
  conversationId: string;
  body: string;
  contentWarning?: string;
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

const storageName = "outbox";

export class Outbox {
  private readonly items: Outgoing[] = [];

  /** Without storage the outbox lives in memory only (a reload forgets it). */
  constructor(private readonly storage?: TabStorage) {
    for (const saved of storage?.read<Outgoing[]>(storageName) ?? []) {
      if (!saved || typeof saved.clientMsgId !== "string" || typeof saved.body !== "string") continue;
      // A fresh ref: the page that used the old one is gone, and with it anything waiting on it.
      this.items.push({ ...saved, ref: newRef(), status: saved.status === "failed" ? "failed" : "sending" });
    }
  }

  add(conversationId: string, body: string, contentWarning?: string): Outgoing {
    const item: Outgoing = {
      clientMsgId: newClientMsgId(),
      conversationId,
      body,
      ref: newRef(),
      status: "sending",
      createdAt: new Date().toISOString(),
    };
    if (contentWarning) item.contentWarning = contentWarning;
    this.items.push(item);
    this.save();
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

  /** The server has it: it leaves the tab's storage (the event in the log is the record now). */
  markSent(item: Outgoing, seq: number): void {
    item.status = "sent";
    item.seq = seq;
    delete item.errorCode;
    this.save();
  }

  markFailed(item: Outgoing, code: string): void {
    item.status = "failed";
    item.errorCode = code;
    this.save();
  }

  /** Failed → sending again, with the same clientMsgId and a fresh ref. */
  retry(clientMsgId: string): Outgoing | undefined {
    const item = this.byClientMsgId(clientMsgId);
    if (!item || item.status !== "failed") return undefined;
    item.status = "sending";
    item.ref = newRef();
    delete item.errorCode;
    this.save();
    return item;
  }

  forConversation(conversationId: string): Outgoing[] {
    return this.items.filter((item) => item.conversationId === conversationId);
  }

  clear(): void {
    this.items.length = 0;
    this.storage?.remove(storageName);
  }

  private save(): void {
    if (!this.storage) return;
    const unsent = this.items.filter((item) => item.status !== "sent");
    if (unsent.length) this.storage.write(storageName, unsent);
    else this.storage.remove(storageName);
  }
}
