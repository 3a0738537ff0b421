/**
 * One load-generator client per socket, speaking each server's protocol:
 * Kindred (the public protocol), raw-ws and Socket.IO (the baselines). Every
 * message body is the sender's `performance.now()`: senders and receivers live
 * in the same process, so the difference is the end-to-end latency.
 */
import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";

export type ServerKind = "kindred" | "raw-ws" | "socket.io";

export interface ClientSpec {
  room: string;
  token?: string;
}

export interface LoadClient {
  send(body: string): void;
  /** Kindred's heartbeat (`{op: "ping"}`); nothing for the baselines. */
  ping(): void;
  close(): void;
}

export type OnMessage = (sentAt: number) => void;
export type OnFrame = (frame: Record<string, any>) => void;

let sequence = 0;

export function connect(kind: ServerKind, baseUrl: string, spec: ClientSpec, onMessage: OnMessage, onFrame?: OnFrame): Promise<LoadClient> {
  if (kind === "socket.io") return connectSocketIo(baseUrl, spec, onMessage);
  const url = kind === "kindred" ? `${baseUrl.replace(/^http/, "ws")}/api/v1/ws` : `${baseUrl.replace(/^http/, "ws")}/?room=${encodeURIComponent(spec.room)}`;
  const headers: Record<string, string> = spec.token ? { authorization: `Bearer ${spec.token}` } : {};
  const ws = new WebSocket(url, { headers, perMessageDeflate: false });
  const prefix = `c${process.pid}-${sequence++}-`;
  let counter = 0;
  ws.on("message", (data) => {
    const frame = JSON.parse(data.toString()) as Record<string, any>;
    if (kind === "kindred") {
      if (frame.op === "event" && frame.event.type === "message.created") onMessage(Number(frame.event.data.body));
      else onFrame?.(frame);
    } else {
      onMessage(Number(frame.body));
    }
  });
  return new Promise((resolve, reject) => {
    ws.once("error", reject);
    ws.once("open", () =>
      resolve({
        send(body) {
          if (ws.readyState !== WebSocket.OPEN) return;
          if (kind === "kindred") {
            counter += 1;
            ws.send(JSON.stringify({ op: "send", ref: counter, conversationId: spec.room, clientMsgId: prefix + counter, body }));
          } else {
            ws.send(JSON.stringify({ room: spec.room, body }));
          }
        },
        ping() {
          if (kind === "kindred" && ws.readyState === WebSocket.OPEN) ws.send('{"op":"ping"}');
        },
        close: () => ws.terminate(),
      }),
    );
  });
}

function connectSocketIo(baseUrl: string, spec: ClientSpec, onMessage: OnMessage): Promise<LoadClient> {
  const socket: Socket = io(baseUrl, { transports: ["websocket"], query: { room: spec.room }, reconnection: false, forceNew: true });
  socket.on("msg", (body: string) => onMessage(Number(body)));
  return new Promise((resolve, reject) => {
    socket.once("connect_error", reject);
    socket.once("connect", () => resolve({ send: (body) => socket.emit("msg", body), ping: () => {}, close: () => socket.disconnect() }));
  });
}
