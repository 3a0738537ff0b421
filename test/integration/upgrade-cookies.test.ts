/**
 * A malformed Cookie header on the WebSocket upgrade (protocol.md "WebSocket"):
 * it is refused as unauthenticated, in the protocol's error shape, with no
 * socket, and never as a server error.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import WebSocket from "ws";
import { type TestServer, startServer } from "../helpers/server.js";
import { signUp } from "../helpers/http.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

/** Tries an upgrade; resolves with the refusal's status and body, or 101 if a socket opened. */
function upgrade(headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace(/^http/, "ws")}/api/v1/ws`, { headers });
    ws.once("open", () => {
      ws.close();
      resolve({ status: 101, body: "" });
    });
    ws.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once("error", () => {});
  });
}

test("malformed session cookies on the upgrade: 401 UNAUTHENTICATED, never a 500, and no socket", async () => {
  const { answer } = await signUp(server.url);
  const good = (answer.headers.get("set-cookie") ?? "").split(";")[0]!;
  const cookies: Record<string, string> = {
    "bad percent-encoding": "kindred_session=%E0%A4%A",
    "a lone percent sign": "kindred_session=abc%",
    huge: `kindred_session=${"A".repeat(12_000)}`,
    "duplicated name, bad one first": `kindred_session=%zz; ${good}`,
    "duplicated name, both bad": "kindred_session=%; kindred_session=%%",
    "no value": "kindred_session=",
    "only separators": ";;;=;",
  };
  for (const [what, cookie] of Object.entries(cookies)) {
    const refused = await upgrade({ cookie, origin: server.origin });
    assert.equal(refused.status, 401, `${what}: got ${refused.status} ${refused.body}`);
    assert.equal(JSON.parse(refused.body).error.code, "UNAUTHENTICATED", what);
  }
  // The same good cookie still opens a socket: the refusals above were about the malformed ones.
  assert.equal((await upgrade({ cookie: good, origin: server.origin })).status, 101);
  assert.ok(!server.logs.some((line) => line.includes("upgrade failed")), "nothing was treated as a server error");
});
