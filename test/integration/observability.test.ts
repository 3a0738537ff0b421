/**
 * What operators see: one log line per request naming its route pattern, socket and
 * match lines, error codes, and no secrets anywhere in the logs (the canary test);
 * /metrics with the live-path metrics; METRICS_TOKEN; the Grafana dashboard's queries.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { type TestServer, startServer } from "../helpers/server.js";
import { call, signUp } from "../helpers/http.js";
import { member, requestMatch } from "../helpers/members.js";
import { TestSocket, sendAndAck } from "../helpers/ws.js";
import WebSocket from "ws";

type Line = Record<string, any>;
const lines = (server: TestServer): Line[] =>
  server.logs.flatMap((chunk) =>
    chunk
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line),
  );

async function waitForLine(server: TestServer, match: (l: Line) => boolean): Promise<Line> {
  for (let i = 0; i < 100; i++) {
    const found = lines(server).find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("log line never written");
}

describe("a member's first hour, as the logs tell it", () => {
  let server: TestServer;
  const secrets: Record<string, string> = {};
  before(async () => {
    server = await startServer();
    const password = "canary password tulip 7731";
    const host = await signUp(server.url, undefined, password);
    const guest = await signUp(server.url);
    const room = await call(server.url, "POST", "/api/v1/conversations", {
      token: host.token,
      json: { kind: "group", title: "Evening circle", visibility: "invite" },
    });
    assert.equal(room.status, 201, room.text);
    const invite = await call(server.url, "POST", `/api/v1/conversations/${room.body.conversation.id}/invites`, { token: host.token, json: {} });
    assert.equal(invite.status, 201, invite.text);
    const code = invite.body.invite.code as string;
    assert.equal((await call(server.url, "POST", `/api/v1/invites/${code}`, { token: guest.token, json: {} })).status, 200);

    const hostSocket = await TestSocket.open(server.url, { token: host.token });
    const guestSocket = await TestSocket.open(server.url, { token: guest.token });
    await hostSocket.waitFor((f) => f.op === "hello");
    await guestSocket.waitFor((f) => f.op === "hello");
    const text = "canary message: the heron crossed the canal at dawn";
    const ack = await sendAndAck(hostSocket, room.body.conversation.id, text, "canary-1");
    assert.equal(ack.op, "ack");
    await guestSocket.waitFor((f) => f.op === "event" && f.event.type === "message.created");
    hostSocket.send({ op: "read", conversationId: "not-a-conversation", seq: 1 });
    await hostSocket.waitFor((f) => f.op === "error");

    // A query string and a wrong id in a path: neither may reach the log.
    assert.equal((await call(server.url, "GET", `/api/v1/conversations/01NOTACONVERSATIONID00000?note=querycanary`, { token: guest.token })).status, 404);
    assert.equal((await call(server.url, "GET", "/healthz")).status, 200);
    const refused = new WebSocket(`${server.url.replace("http", "ws")}/api/v1/ws`, { headers: { authorization: "Bearer not-a-real-token" } });
    const status = await new Promise<number | undefined>((resolve) => {
      refused.on("unexpected-response", (_req, res) => resolve(res.statusCode));
      refused.on("error", () => resolve(undefined));
    });
    assert.equal(status, 401);
    hostSocket.close();
    guestSocket.close();
    await waitForLine(server, (l) => l.msg === "socket closed");
    Object.assign(secrets, {
      password,
      code,
      text,
      hostToken: host.token,
      guestToken: guest.token,
      recoveryCode: host.recoveryCodes[0]!,
      query: "querycanary",
    });
  });
  after(async () => {
    await server.close();
  });

  test("no password, token, recovery code, invite code, message text or query string is logged", () => {
    const all = server.logs.join("");
    for (const [what, secret] of Object.entries(secrets)) assert.ok(!all.includes(secret), `${what} appears in the logs`);
  });

  test("each request is one line naming its route pattern, never the path", () => {
    const requests = lines(server).filter((l) => l.msg === "request" || l.msg === "request failed");
    const invites = requests.filter((l) => l.route === "/api/v1/invites/:code");
    assert.equal(invites.length, 1, "exactly one line for the invite request");
    assert.deepEqual(
      Object.keys(invites[0]!)
        .filter((k) => ["method", "route", "status", "ms"].includes(k))
        .sort(),
      ["method", "ms", "route", "status"],
    );
    assert.equal(invites[0]!.status, 200);
    assert.ok(!lines(server).some((l) => l.msg === "incoming request" || l.msg === "request completed"), "Fastify's own two lines are off");
    assert.ok(!requests.some((l) => JSON.stringify(l).includes("/api/v1/invites/") && l.route !== "/api/v1/invites/:code"));
  });

  test("error responses carry their code, refused sockets included", () => {
    const missing = lines(server).find((l) => l.route === "/api/v1/conversations/:id" && l.status === 404);
    assert.ok(missing, "the 404 was logged");
    assert.equal(missing.code, "NOT_FOUND");
    const refused = lines(server).find((l) => l.msg === "socket refused");
    assert.equal(refused?.code, "UNAUTHENTICATED");
  });

  test("health probes are not logged unless asked", () => {
    assert.ok(!lines(server).some((l) => l.route === "/healthz"));
  });

  test("sockets are logged opening and closing, with a connection id and close code only", () => {
    const opened = lines(server).filter((l) => l.msg === "socket opened");
    const closed = lines(server).filter((l) => l.msg === "socket closed");
    assert.equal(opened.length, 2);
    assert.ok(closed.length >= 1);
    assert.ok(opened.every((l) => typeof l.conn === "string" && l.conn.length > 0));
    assert.ok(closed.every((l) => typeof l.code === "number" && opened.some((o) => o.conn === l.conn)));
    for (const l of [...opened, ...closed])
      assert.deepEqual(
        Object.keys(l)
          .filter((k) => !["level", "time", "pid", "hostname", "msg"].includes(k))
          .sort(),
        l.msg === "socket opened" ? ["conn"] : ["code", "conn"],
      );
  });

  test("/metrics counts sockets, frames by op, acks, fan-out and commit batches", async () => {
    const text = (await call(server.url, "GET", "/metrics")).text;
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}"]/g, (c) => `\\${c}`)} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
    assert.equal(value("kindred_ws_sockets_open"), 0, "both sockets were closed");
    assert.ok(value('kindred_ws_frames_in_total{op="send"}') >= 1);
    assert.ok(value('kindred_ws_frames_out_total{op="ack"}') >= 1);
    assert.ok(value('kindred_ws_frames_out_total{op="event"}') >= 2, "the message went to both sockets");
    assert.ok(value('kindred_ws_error_frames_total{code="NOT_FOUND"}') >= 1);
    assert.ok(value("kindred_send_ack_seconds_count") >= 1);
    assert.ok(value("kindred_fanout_seconds_count") >= 1);
    assert.ok(value("kindred_commit_batch_size_count") >= 1);
  });
});

describe("settings for operators", () => {
  let server: TestServer;
  const token = "metrics-token-0123456789abcdef";
  before(async () => {
    server = await startServer({ logProbes: "true", metricsToken: token, matchSweepMs: "600000" });
  });
  after(async () => {
    await server.close();
  });

  test("LOG_PROBES=true logs health probes", async () => {
    assert.equal((await call(server.url, "GET", "/healthz")).status, 200);
    await waitForLine(server, (l) => l.route === "/healthz" && l.status === 200);
  });

  test("METRICS_TOKEN keeps /metrics to those who hold it, and is never logged", async () => {
    assert.equal((await call(server.url, "GET", "/metrics")).status, 401);
    assert.equal((await call(server.url, "GET", "/metrics", { headers: { authorization: `Bearer ${token}x` } })).status, 401);
    const allowed = await call(server.url, "GET", "/metrics", { headers: { authorization: `Bearer ${token}` } });
    assert.equal(allowed.status, 200);
    assert.match(allowed.text, /kindred_ws_sockets_open/);
    assert.ok(!server.logs.join("").includes(token));
  });

  test("a match is logged with its kind and wait, and measured", async () => {
    const listener = await member(server.url, { experiences: ["grief"], availability: "listen" });
    const socket = await TestSocket.open(server.url, { token: listener.token });
    try {
      await socket.waitFor((f) => f.op === "hello");
      const requester = await member(server.url, { experiences: ["grief"] });
      const res = await requestMatch(server.url, requester.token, {});
      assert.equal(res.body.request.status, "matched", res.text);
      const line = await waitForLine(server, (l) => l.msg === "match made");
      assert.equal(line.kind, "one-to-one");
      assert.equal(typeof line.waitedMs, "number");
      const metrics = await call(server.url, "GET", "/metrics", { headers: { authorization: `Bearer ${token}` } });
      assert.match(metrics.text, /^kindred_match_wait_seconds_count\{kind="one-to-one"\} [1-9]/m);
    } finally {
      socket.close();
    }
  });

  test("every query of the Grafana dashboard names a metric /metrics serves", async () => {
    const dashboard = JSON.parse(readFileSync(new URL("../../docs/grafana/kindred.json", import.meta.url), "utf8"));
    const served = new Set(
      (await call(server.url, "GET", "/metrics", { headers: { authorization: `Bearer ${token}` } })).text
        .split("\n")
        .filter((l) => l.startsWith("# TYPE "))
        .flatMap((l) => {
          const [name, type] = l.split(" ").slice(2);
          return type === "histogram" ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name!];
        }),
    );
    const panels = (dashboard.panels as any[]).filter((p) => p.type !== "row");
    assert.ok(panels.length >= 8, "the dashboard has its panels");
    for (const panel of panels) {
      assert.ok(panel.targets?.length > 0, `panel "${panel.title}" has a query`);
      for (const target of panel.targets) {
        const names = (target.expr as string).match(/kindred_[a-z0-9_]+/g) ?? [];
        assert.ok(names.length > 0, `panel "${panel.title}" queries a Kindred metric`);
        for (const name of names) assert.ok(served.has(name), `panel "${panel.title}" queries ${name}, which /metrics does not serve`);
      }
    }
  });
});
