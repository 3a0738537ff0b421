/**
 * The bus across nodes: Redis pub/sub. A message is delivered to this node's
 * handlers at once and published for the other nodes, which skip their own
 * echoes by node id. Redis delivers one publisher's messages in order; a lost
 * or reordered message is repaired by the receivers' gap check.
 *
 * SUBSCRIBE goes out only on a ready connection, and each time the connection
 * becomes ready, every topic this node has handlers for is subscribed again.
 * ioredis would send a SUBSCRIBE made during its handshake at once, which puts
 * the connection in subscriber mode before its own ready check (INFO) runs:
 * the check fails, and the subscriptions queued until then were dropped.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { type Bus, type BusHandler, type BusMessage, LocalBus } from "./bus.js";

interface Envelope {
  node: string;
  message: BusMessage;
}

export class RedisBus implements Bus {
  private readonly local = new LocalBus();
  private readonly node = randomUUID();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
    private readonly onError: (err: unknown) => void,
  ) {
    subscriber.on("ready", () => {
      const topics = this.local.topics();
      if (topics.length > 0) subscriber.subscribe(...topics.map((topic) => prefix + topic)).catch(onError);
    });
    subscriber.on("message", (channel: string, payload: string) => {
      if (!channel.startsWith(prefix)) return;
      let envelope: Envelope;
      try {
        envelope = JSON.parse(payload) as Envelope;
      } catch (err) {
        onError(err);
        return;
      }
      if (envelope.node === this.node) return;
      this.local.publish(channel.slice(prefix.length), envelope.message);
    });
  }

  publish(topic: string, message: BusMessage): void {
    this.local.publish(topic, message);
    const envelope: Envelope = { node: this.node, message };
    this.publisher.publish(this.prefix + topic, JSON.stringify(envelope)).catch(this.onError);
  }

  subscribe(topic: string, handler: BusHandler): void {
    const first = !this.local.hasSubscribers(topic);
    this.local.subscribe(topic, handler);
    if (first && this.subscriber.status === "ready") this.subscriber.subscribe(this.prefix + topic).catch(this.onError);
  }

  unsubscribe(topic: string, handler: BusHandler): void {
    this.local.unsubscribe(topic, handler);
    // While not ready there is nothing to undo: the next "ready" subscribes only to topics still wanted.
    if (!this.local.hasSubscribers(topic) && this.subscriber.status === "ready") this.subscriber.unsubscribe(this.prefix + topic).catch(this.onError);
  }

  async close(): Promise<void> {
    await this.local.close();
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }
}
