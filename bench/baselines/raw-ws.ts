/**
 * Baseline "raw-ws": the ceiling. A bare `ws` server that broadcasts each text
 * frame to the sender's room, with no persistence, no validation, no auth.
 * A client joins a room with `?room=<name>` and sends `{"room": ..., "body": ...}`.
 */
import { createServer } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";

const port = Number(process.env.PORT ?? 0);
const rooms = new Map<string, Set<WebSocket>>();
// Plain HTTP requests get a short answer (the harness uses one to see that the server is up).
const server = createServer((_req, res) => res.end("raw-ws"));
const wss = new WebSocketServer({ server, perMessageDeflate: false, maxPayload: 16 * 1024 });

wss.on("connection", (ws, request) => {
  const room = new URL(request.url ?? "/", "http://x").searchParams.get("room") ?? "lobby";
  let members = rooms.get(room);
  if (!members) rooms.set(room, (members = new Set()));
  members.add(ws);
  ws.on("message", (data) => {
    const frame = data.toString();
    for (const peer of members!) peer.send(frame);
  });
  ws.on("close", () => members!.delete(ws));
});

server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : port}\n`);
});
