/**
 * The WebSocket endpoint `GET /api/v1/ws` (protocol.md "WebSocket"): upgrade,
 * `hello`, following every conversation of the member (including ones joined
 * later), heartbeats, presence and shutdown.
 */
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import proxyaddr from "proxy-addr";
import { randomUUID } from "node:crypto";
import { WebSocketServer, type WebSocket } from "ws";
import { type Config, trustProxyOption } from "../config.js";
import type { Sessions } from "../domain/accounts/sessions.js";
import { KindredError } from "../protocol/errors.js";
import { encodeFrame } from "../protocol/ws/server-frames.js";
import { Connection } from "./connection.js";
import { type FrameContext, receive } from "./frames.js";
import type { Hub } from "./hub.js";
import { type UpgradeAuth, authenticateUpgrade, refuseUpgrade } from "./upgrade.js";

export const wsPath = "/api/v1/ws";
/** protocol.md: frames are at most 16 KiB; larger closes with 1009. */
export const maxFrameBytes = 16 * 1024;

export class Gateway {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxFrameBytes,
    perMessageDeflate: false,
    // Invalid UTF-8 gets an error frame (frames.ts) instead of closing the socket.
    skipUTF8Validation: true,
  });
  private readonly sweep: NodeJS.Timeout;
  private readonly trust: (addr: string, i: number) => boolean;
  private accepting = true;

  constructor(
    private readonly config: Config,
    private readonly sessions: Sessions,
    private readonly hub: Hub,
    private readonly frames: FrameContext,
    private readonly log: { info: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void },
    /** Called when a member's first socket on this node is set up (they are online now). */
    private readonly onOnline: (userId: string) => void = () => {},
  ) {
    const trust = trustProxyOption(config.trustProxy);
    this.trust = typeof trust === "boolean" ? () => trust : typeof trust === "number" ? (_a, i) => i < trust : proxyaddr.compile(trust);
    // Sockets silent for two heartbeat intervals are dropped (delivery-notes.md "liveness").
    this.sweep = setInterval(() => this.dropSilent(), Math.max(50, Math.floor(config.heartbeatMs / 2)));
    this.sweep.unref();
  }

  attach(server: Server): void {
    server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on("error", () => socket.destroy());
      void this.upgrade(request, socket, head);
    });
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    try {
      const path = (request.url ?? "").split("?")[0];
      if (path !== wsPath) throw new KindredError("NOT_FOUND");
      if (!this.accepting) throw new KindredError("UNAVAILABLE");
      const address = proxyaddr(request, this.trust);
      const auth = await authenticateUpgrade(request, this.sessions, this.config, address);
      const m = this.config.rateLimitMultiplier;
      if (this.hub.socketsOf(auth.user.id) >= this.config.maxSocketsPerMember * m || this.hub.socketsFrom(address) >= this.config.maxSocketsPerAddress * m) {
        throw new KindredError("RATE_LIMITED", { message: "Too many open connections.", retryAfterMs: 5_000 });
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => this.open(ws, socket, auth));
    } catch (err) {
      refuseUpgrade(socket, err instanceof KindredError ? err : new KindredError("INTERNAL"));
      this.log.info({ code: err instanceof KindredError ? err.code : "INTERNAL" }, "socket refused");
      if (!(err instanceof KindredError)) this.log.warn({ err: String(err) }, "upgrade failed");
    }
  }

  private open(ws: WebSocket, socket: Duplex, auth: UpgradeAuth): void {
    const connection = new Connection(randomUUID(), auth.user.id, auth.session.id, auth.address, ws, socket, this.config.slowReaderBytes);
    const first = this.hub.add(connection);
    this.log.info({ conn: connection.id }, "socket opened");
    connection.send(encodeFrame({ op: "hello", heartbeatMs: this.config.heartbeatMs, connectionId: connection.id, sessionId: connection.id }));
    ws.on("message", (data: Buffer, isBinary: boolean) => receive(this.frames, connection, data, isBinary));
    ws.on("pong", () => (connection.lastSeenAt = Date.now()));
    ws.on("error", () => ws.terminate());
    ws.on("close", (code: number) => this.closed(connection, code));
    // Frames wait for the socket to follow its conversations, so a resume never races the setup.
    connection.inbound = this.follow(connection, first).catch((err: unknown) => {
      this.log.warn({ err: String(err) }, "socket setup failed");
      connection.close(1011, "setup failed");
    });
  }

  /** Follows every conversation of the member from now on, then tells peers they are here. */
  private async follow(connection: Connection, first: boolean): Promise<void> {
    const ids = (await this.frames.conversations.followed(connection.userId)).map((f) => f.conversationId);
    const generations = new Map(ids.map((id) => [id, this.hub.register(connection, id)]));
    // Read where each log ends only after subscribing, so nothing falls between.
    for (const f of await this.frames.conversations.followed(connection.userId)) {
      const generation = generations.get(f.conversationId);
      if (generation !== undefined) this.hub.settleLive(connection, f.conversationId, generation, f.lastSeq);
    }
    if (first) {
      await this.hub.presence.refresh([connection.userId]);
      await this.hub.announcePresence(connection.userId, "online", [...connection.follows.keys()]);
      this.onOnline(connection.userId);
    }
    await this.hub.presenceSnapshot(connection);
  }

  private closed(connection: Connection, code: number): void {
    if (connection.state === "closed") return;
    connection.transition("closed");
    this.log.info({ conn: connection.id, code }, "socket closed");
    const conversationIds = [...connection.follows.keys()];
    const last = this.hub.remove(connection);
    if (!last) return;
    for (const id of conversationIds) this.hub.typingStopped(connection.userId, id);
    this.hub.presence.gone(connection.userId).catch((err: unknown) => this.log.warn({ err: String(err) }, "presence update failed"));
    this.hub
      .announcePresence(connection.userId, "offline", conversationIds)
      .catch((err: unknown) => this.log.warn({ err: String(err) }, "presence update failed"));
  }

  /** Every half heartbeat: drop silent sockets, and renew this node's presence for the rest. */
  private dropSilent(now = Date.now()): void {
    const limit = 2 * this.config.heartbeatMs;
    for (const connection of this.hub.connections()) {
      if (now - connection.lastSeenAt > limit) {
        connection.close(4000, "no heartbeat");
        connection.terminate();
      }
    }
    this.hub.presence.refresh(this.hub.onlineHere()).catch((err: unknown) => this.log.warn({ err: String(err) }, "presence refresh failed"));
  }

  /** Shutdown: refuse new sockets, tell open ones to come back (they will resume elsewhere). */
  async close(): Promise<void> {
    this.accepting = false;
    clearInterval(this.sweep);
    for (const connection of this.hub.connections()) connection.close(1001, "server restarting");
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
