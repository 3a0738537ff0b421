/**
 * Baseline "socket.io": what many would pick. A Socket.IO server with default
 * settings and rooms, broadcasting each message to the sender's room, with no
 * persistence. Clients join with the `room` query parameter and emit "msg".
 */
import { createServer } from "node:http";
import { Server } from "socket.io";

const port = Number(process.env.PORT ?? 0);
const server = createServer();
const io = new Server(server);

io.on("connection", (socket) => {
  const room = String(socket.handshake.query.room ?? "lobby");
  void socket.join(room);
  socket.on("msg", (body: string) => {
    io.to(room).emit("msg", body);
  });
});

server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : port}\n`);
});
