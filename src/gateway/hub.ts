/**
 * This node's sockets and the conversations they follow. Every event reaches
 * a socket through here: from the bus, in seq order per conversation, with
 * any gap (a bus message lost between nodes) filled from the store. Each event
 * is serialized once per node and the same string goes to every socket.
 */
import type { Deliverable, DeliveryReader } from "../domain/conversations/delivery.js";
import { encodeFrame } from "../protocol/ws/server-frames.js";
import { type Bus, type BusHandler, type BusMessage, topics } from "../bus/bus.js";
import { LocalPresence } from "../bus/presence.js";
import type { PresenceRegistry } from "../domain/presence.js";
import type { Connection } from "./connection.js";
import { fannedOut } from "../observability/live-metrics.js";

/** More missed events than this in one conversation: a `gap` frame, and the client pages over REST. */
export const maxReplay = 500;

export const typingTtlMs = 6_000;

class Channel {
  readonly subscribers = new Set<Connection>();
  lastSeq: number | undefined;
  private backlog: Deliverable[] = [];
  private draining = false;

  constructor(
    readonly conversationId: string,
    private readonly reader: DeliveryReader,
    readonly handler: BusHandler,
  ) {}

  accept(item: Deliverable): void {
    if (this.draining || (this.lastSeq !== undefined && item.event.seq > this.lastSeq + 1)) {
      this.backlog.push(item);
      void this.drain();
      return;
    }
    this.deliver(item);
  }

  private deliver({ event, hiddenFrom }: Deliverable): void {
    if (this.lastSeq !== undefined && event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    const frame = encodeFrame({ op: "event", event });
    for (const connection of this.subscribers) connection.offer(this.conversationId, { seq: event.seq, frame, hiddenFrom });
    fannedOut(event.at);
  }

  /** Delivers the backlog in order, reading from the store whatever the bus did not bring. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.backlog.length > 0) {
        this.backlog.sort((a, b) => a.event.seq - b.event.seq);
        const next = this.backlog[0]!;
        if (this.lastSeq === undefined || next.event.seq <= this.lastSeq + 1) {
          this.backlog.shift();
          this.deliver(next);
          continue;
        }
        const missing = await this.reader.events(this.conversationId, { afterSeq: this.lastSeq, beforeSeq: next.event.seq, limit: maxReplay });
        for (const item of missing) this.deliver(item);
        // Whatever is still missing is not in the store: go on rather than wait forever.
        if (this.lastSeq < next.event.seq - 1) this.lastSeq = next.event.seq - 1;
      }
    } catch {
      // The store is unreachable: deliver what we have; clients repair gaps on resume.
      for (const item of this.backlog.splice(0)) this.deliver(item);
    } finally {
      this.draining = false;
    }
  }
}

export class Hub {
  private readonly channels = new Map<string, Channel>();
  private readonly byUser = new Map<string, Set<Connection>>();
  private readonly byAddress = new Map<string, number>();
  private readonly userHandlers = new Map<string, BusHandler>();
  /** conversationId → userId → when their typing indicator expires, and who must not see it. */
  private readonly typing = new Map<string, Map<string, { expiresAt: number; apart: readonly string[] }>>();

  readonly presence: PresenceRegistry;

  constructor(
    private readonly bus: Bus,
    private readonly reader: DeliveryReader,
    presence?: PresenceRegistry,
  ) {
    this.presence = presence ?? new LocalPresence((userId) => this.isOnline(userId));
    bus.subscribe(topics.presence, this.onPresence);
  }

  /** Members with at least one socket on this node. */
  onlineHere(): string[] {
    return [...this.byUser.keys()];
  }

  socketsOf(userId: string): number {
    return this.byUser.get(userId)?.size ?? 0;
  }

  socketsFrom(address: string): number {
    return this.byAddress.get(address) ?? 0;
  }

  isOnline(userId: string): boolean {
    return this.socketsOf(userId) > 0;
  }

  connections(): Connection[] {
    return [...this.byUser.values()].flatMap((set) => [...set]);
  }

  /** Registers a new socket; returns true when it is the member's first on this node. */
  add(connection: Connection): boolean {
    let set = this.byUser.get(connection.userId);
    const first = !set;
    if (!set) {
      this.byUser.set(connection.userId, (set = new Set()));
      const handler: BusHandler = (message) => this.onUserMessage(connection.userId, message);
      this.userHandlers.set(connection.userId, handler);
      this.bus.subscribe(topics.user(connection.userId), handler);
    }
    set.add(connection);
    this.byAddress.set(connection.address, this.socketsFrom(connection.address) + 1);
    return first;
  }

  /** Unregisters a closed socket; returns true when it was the member's last on this node. */
  remove(connection: Connection): boolean {
    for (const conversationId of [...connection.follows.keys()]) this.unfollow(connection, conversationId);
    const left = this.socketsFrom(connection.address) - 1;
    if (left > 0) this.byAddress.set(connection.address, left);
    else this.byAddress.delete(connection.address);
    const set = this.byUser.get(connection.userId);
    if (!set) return false;
    set.delete(connection);
    if (set.size > 0) return false;
    this.byUser.delete(connection.userId);
    const handler = this.userHandlers.get(connection.userId);
    if (handler) this.bus.unsubscribe(topics.user(connection.userId), handler);
    this.userHandlers.delete(connection.userId);
    return true;
  }

  /**
   * Starts following a conversation live, buffering events until `settle`.
   * Subscribing before reading the store is what makes replay and live meet
   * with nothing lost between them (delivery-notes.md "race between replay and live").
   */
  register(connection: Connection, conversationId: string): number {
    let follow = connection.follows.get(conversationId);
    if (!follow) {
      follow = { lastSeq: undefined, buffer: [], generation: 0 };
      connection.follows.set(conversationId, follow);
      this.channel(conversationId).subscribers.add(connection);
    } else {
      follow.buffer ??= [];
    }
    follow.generation += 1;
    return follow.generation;
  }

  /**
   * Replays `seq > afterSeq` (from `fromSeq` on) to one socket, then goes live.
   * More than `maxReplay` missed: a `gap` frame instead, and the socket continues from the end.
   */
  async replay(connection: Connection, conversationId: string, generation: number, afterSeq: number, fromSeq: number): Promise<void> {
    const items = await this.reader.events(conversationId, { afterSeq, fromSeq, limit: maxReplay + 1 });
    if (items.length > maxReplay) {
      const lastSeq = await this.reader.lastSeq(conversationId);
      if (connection.follows.get(conversationId)?.generation !== generation) return;
      connection.send(encodeFrame({ op: "gap", conversationId, fromSeq: afterSeq + 1, toSeq: lastSeq }));
      connection.settle(conversationId, generation, [], lastSeq);
      return;
    }
    const replay = items.map(({ event, hiddenFrom }) => ({ seq: event.seq, frame: encodeFrame({ op: "event", event }), hiddenFrom }));
    connection.settle(conversationId, generation, replay, items.at(-1)?.event.seq ?? afterSeq);
  }

  /** Goes live from `lastSeq` with nothing old sent (a socket that did not ask to resume). */
  settleLive(connection: Connection, conversationId: string, generation: number, lastSeq: number): void {
    const channel = this.channels.get(conversationId);
    if (channel && channel.lastSeq === undefined) channel.lastSeq = lastSeq;
    connection.settle(conversationId, generation, [], lastSeq);
  }

  unfollow(connection: Connection, conversationId: string): void {
    if (!connection.follows.delete(conversationId)) return;
    const channel = this.channels.get(conversationId);
    if (!channel) return;
    channel.subscribers.delete(connection);
    if (channel.subscribers.size === 0) {
      this.bus.unsubscribe(topics.conversation(conversationId), channel.handler);
      this.channels.delete(conversationId);
    }
  }

  /**
   * Announces typing (at most every 3 s per socket is the client's duty; the TTL is the server's).
   * `apart` comes from the store (policy.ts): members on either side of a block see nothing.
   */
  typingStarted(userId: string, conversationId: string, apart: readonly string[], now = Date.now()): void {
    let typists = this.typing.get(conversationId);
    if (!typists) this.typing.set(conversationId, (typists = new Map()));
    typists.set(userId, { expiresAt: now + typingTtlMs, apart });
    this.bus.publish(topics.conversation(conversationId), { kind: "typing", conversationId, userId, expiresInMs: typingTtlMs, hiddenFrom: apart });
  }

  /** Clears a typing indicator that has not expired yet (the typist sent a message or went away). */
  typingStopped(userId: string, conversationId: string, now = Date.now()): void {
    const typists = this.typing.get(conversationId);
    const typist = typists?.get(userId);
    if (!typists || typist === undefined) return;
    typists.delete(userId);
    if (typists.size === 0) this.typing.delete(conversationId);
    if (typist.expiresAt > now) {
      this.bus.publish(topics.conversation(conversationId), { kind: "typing", conversationId, userId, expiresInMs: 0, hiddenFrom: typist.apart });
    }
  }

  /** Tells a member's peers they came or went; nobody on either side of a block with them (read from the store). */
  async announcePresence(userId: string, status: "online" | "offline", conversationIds: string[]): Promise<void> {
    const hiddenFrom = await this.reader.apartFrom(userId);
    this.bus.publish(topics.presence, { kind: "presence", userId, status, conversationIds, hiddenFrom });
  }

  /**
   * Tells a socket which of the people it shares these conversations with (by
   * default every one it follows) are online, on any node; blocks read from the store.
   */
  async presenceSnapshot(connection: Connection, conversationIds = [...connection.follows.keys()]): Promise<void> {
    const peers = await this.reader.peersOf(connection.userId, conversationIds);
    for (const userId of await this.presence.onlineAmong(peers)) {
      connection.send(encodeFrame({ op: "presence", userId, status: "online" }));
    }
  }

  private channel(conversationId: string): Channel {
    let channel = this.channels.get(conversationId);
    if (!channel) {
      const handler: BusHandler = (message) => this.onConversationMessage(conversationId, message);
      channel = new Channel(conversationId, this.reader, handler);
      this.channels.set(conversationId, channel);
      this.bus.subscribe(topics.conversation(conversationId), handler);
    }
    return channel;
  }

  private onConversationMessage(conversationId: string, message: BusMessage): void {
    const channel = this.channels.get(conversationId);
    if (!channel) return;
    if (message.kind === "event") {
      channel.accept({ event: message.event, hiddenFrom: [...message.hiddenFrom] });
      return;
    }
    if (message.kind === "typing") {
      const frame = encodeFrame({ op: "typing", conversationId, userId: message.userId, expiresInMs: message.expiresInMs });
      for (const c of channel.subscribers) {
        if (c.userId !== message.userId && !message.hiddenFrom.includes(c.userId)) c.send(frame);
      }
      return;
    }
    if (message.kind === "read") {
      const frame = encodeFrame({ op: "read", conversationId, userId: message.userId, seq: message.seq });
      for (const c of channel.subscribers) if (!message.hiddenFrom.includes(c.userId)) c.send(frame);
    }
  }

  private onUserMessage(userId: string, message: BusMessage): void {
    const connections = [...(this.byUser.get(userId) ?? [])];
    switch (message.kind) {
      case "joined":
        for (const c of connections) {
          const generation = this.register(c, message.conversationId);
          void this.replay(c, message.conversationId, generation, message.seq - 1, message.seq).catch(() => c.close(1011, "replay failed"));
        }
        this.presenceOnJoin(userId, message.conversationId, connections);
        return;
      case "left":
        for (const c of connections) this.unfollow(c, message.conversationId);
        return;
      case "to-user": {
        const frame = encodeFrame(message.frame);
        for (const c of connections) c.send(frame);
        return;
      }
      case "session-ended":
        for (const c of connections) {
          if (message.sessionId === null || c.sessionId === message.sessionId) c.close(4001, "session ended");
        }
        return;
      default:
        return;
    }
  }

  /**
   * A member who is online here joined a conversation (a match, a group, a
   * room): they now share it with its other members, so each side learns of
   * the other. The joiner's peers are told through the bus, on every node; the
   * joiner's sockets read who is online from the registry, which also covers a
   * peer whose own join is still being set up when the announcement passes.
   */
  private presenceOnJoin(userId: string, conversationId: string, connections: Connection[]): void {
    if (connections.length === 0) return;
    void this.announcePresence(userId, "online", [conversationId]).catch(() => {});
    for (const c of connections) void this.presenceSnapshot(c, [conversationId]).catch(() => {});
  }

  private onPresence = (message: BusMessage): void => {
    if (message.kind !== "presence") return;
    const frame = encodeFrame({ op: "presence", userId: message.userId, status: message.status });
    const sent = new Set<Connection>();
    for (const conversationId of message.conversationIds) {
      for (const c of this.channels.get(conversationId)?.subscribers ?? []) {
        if (sent.has(c) || c.userId === message.userId || message.hiddenFrom.includes(c.userId)) continue;
        sent.add(c);
        c.send(frame);
      }
    }
  };
}
