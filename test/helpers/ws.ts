/**
 * A real WebSocket client for tests, recording every frame it receives. Every
 * frame is checked against the protocol's server-frame schema: a frame the
 * contract does not describe fails the next wait.
 */
import WebSocket from "ws";
import { serverFrame } from "../../src/protocol/ws/server-frames.js";

export type Frame = Record<string, any>;

let barriers = 0;

export class TestSocket {
  readonly frames: Frame[] = [];
  /** Frames that do not match the protocol's schema, with the reason. */
  readonly offContract: string[] = [];
  closed: { code: number; reason: string } | undefined;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      const checked = serverFrame.safeParse(frame);
      if (!checked.success) this.offContract.push(`${JSON.stringify(frame).slice(0, 300)}: ${checked.error.message}`);
      this.frames.push(frame);
      this.wake();
    });
    ws.on("close", (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  /** Opens a socket with a bearer token (or raw headers) and waits for `hello`. */
  static async open(baseUrl: string, auth: { token?: string; headers?: Record<string, string> }): Promise<TestSocket> {
    const headers: Record<string, string> = { ...auth.headers };
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/api/v1/ws`, { headers, perMessageDeflate: false });
    const socket = new TestSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
      ws.once("unexpected-response", (_req, res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode, body }));
        });
      });
    });
    await socket.waitFor((f) => f.op === "hello");
    return socket;
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  sendRaw(data: string | Buffer, binary = false): void {
    this.ws.send(data, { binary });
  }

  /** The first frame (from index `from`) matching `match`, waiting up to `timeoutMs`. */
  async waitFor(match: (f: Frame) => boolean, timeoutMs = 5_000, from = 0): Promise<Frame> {
    const [frame] = await this.collect(match, 1, timeoutMs, from);
    return frame!;
  }

  /** Waits until `count` frames match, and returns them in arrival order. */
  async collect(match: (f: Frame) => boolean, count: number, timeoutMs = 5_000, from = 0): Promise<Frame[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.offContract.length > 0) throw new Error(`frame outside the protocol: ${this.offContract[0]}`);
      const found = this.frames.slice(from).filter(match);
      if (found.length >= count) return found.slice(0, count);
      const left = deadline - Date.now();
      if (left <= 0 || this.closed) {
        throw new Error(
          `timed out: ${found.length}/${count} frames matched; closed=${JSON.stringify(this.closed)}; last frames: ${JSON.stringify(this.frames.slice(-3))}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the socket to close; returns the close code. */
  async closedWith(timeoutMs = 5_000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    if (!this.closed) throw new Error("socket did not close");
    return this.closed;
  }

  /**
   * A barrier: a `ping` round trip. The server handles a socket's frames in order and
   * sends frames in order, so once the `pong` is here, everything the server had
   * already sent this socket is here too. Waiting on it instead of a sleep means
   * "nothing else arrived" is checked, not hoped for.
   */
  async barrier(timeoutMs = 5_000): Promise<void> {
    const t = `barrier-${++barriers}`;
    const from = this.frames.length;
    this.send({ op: "ping", t });
    await this.waitFor((f) => f.op === "pong" && f.t === t, timeoutMs, from);
  }

  events(conversationId?: string): Frame[] {
    return this.frames.filter((f) => f.op === "event" && (!conversationId || f.event.conversationId === conversationId)).map((f) => f.event);
  }

  close(): void {
    this.ws.close();
  }

  terminate(): void {
    this.ws.terminate();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** Sends a message over the socket and waits for its ack. */
export async function sendAndAck(
  socket: TestSocket,
  conversationId: string,
  body: string,
  clientMsgId: string,
  ref: string | number = clientMsgId,
): Promise<Frame> {
  const from = socket.frames.length;
  socket.send({ op: "send", ref, conversationId, clientMsgId, body });
  return socket.waitFor((f) => (f.op === "ack" || f.op === "error") && f.ref === ref, 10_000, from);
}
