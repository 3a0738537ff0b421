/**
 * Who is online, across nodes. Presence is kept alive by heartbeats, never by
 * connect and disconnect alone (delivery-notes.md "typing and presence"): each
 * node refreshes its own entry every half heartbeat, so the members of a node
 * that crashed drop out on their own within two intervals.
 *
 * In-process, the hub's own sockets are the answer. With Redis: a key per node
 * that expires unless refreshed, and per member the set of nodes they are on.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { PresenceRegistry } from "../domain/presence.js";

export class LocalPresence implements PresenceRegistry {
  constructor(private readonly isOnline: (userId: string) => boolean) {}

  async refresh(): Promise<void> {}

  async gone(): Promise<void> {}

  async onlineAmong(userIds: string[]): Promise<Set<string>> {
    return new Set(userIds.filter(this.isOnline));
  }
}

export class RedisPresence implements PresenceRegistry {
  private readonly node = randomUUID();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  private nodeKey(node: string): string {
    return `${this.prefix}presence:node:${node}`;
  }

  private userKey(userId: string): string {
    return `${this.prefix}presence:user:${userId}`;
  }

  async refresh(userIds: string[]): Promise<void> {
    const pipeline = this.redis.pipeline().set(this.nodeKey(this.node), "1", "PX", this.ttlMs);
    for (const userId of userIds) pipeline.sadd(this.userKey(userId), this.node).pexpire(this.userKey(userId), this.ttlMs * 4);
    await pipeline.exec();
  }

  async gone(userId: string): Promise<void> {
    await this.redis.srem(this.userKey(userId), this.node);
  }

  async onlineAmong(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const members = await this.redis.pipeline(userIds.map((u) => ["smembers", this.userKey(u)])).exec();
    const nodesByUser = userIds.map((_, i) => (members?.[i]?.[1] as string[] | undefined) ?? []);
    const nodes = [...new Set(nodesByUser.flat())];
    if (nodes.length === 0) return new Set();
    const alive = await this.redis.pipeline(nodes.map((n) => ["exists", this.nodeKey(n)])).exec();
    const liveNodes = new Set(nodes.filter((_, i) => alive?.[i]?.[1] === 1));
    return new Set(userIds.filter((_, i) => nodesByUser[i]!.some((n) => liveNodes.has(n))));
  }
}
