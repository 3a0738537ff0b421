/** Peer supporters for crisis-support tests: badge granted, on duty, online. */
import { grantRole } from "../../src/domain/accounts/roles.js";
import type { TestServer } from "./server.js";
import { call } from "./http.js";
import { type Profile, member } from "./members.js";
import { TestSocket } from "./ws.js";

export type Supporter = Awaited<ReturnType<typeof member>> & { socket: TestSocket };

/** A member with the supporter badge who went on duty; `online` opens a socket on `socketUrl` (default: the same node). */
export async function onDutySupporter(server: TestServer, profile: Profile = {}, options: { online?: boolean; socketUrl?: string } = {}): Promise<Supporter> {
  const m = await member(server.url, { availability: "away", ...profile });
  await grantRole(server.services.db, m.handle, "supporter");
  const res = await call(server.url, "PATCH", "/api/v1/me", { token: m.token, json: { onDuty: true } });
  if (res.status !== 200) throw new Error(`going on duty failed: ${res.text}`);
  const socket = options.online === false ? (undefined as unknown as TestSocket) : await TestSocket.open(options.socketUrl ?? server.url, { token: m.token });
  return { ...m, socket };
}

export function requestSupport(baseUrl: string, token: string, body: Record<string, unknown> = {}) {
  return call(baseUrl, "POST", "/api/v1/support-requests", { token, json: body });
}

/** Waits until every frame the server sent before now has arrived (a ping/pong round trip). */
export async function barrier(socket: TestSocket): Promise<void> {
  const t = `barrier-${Math.random()}`;
  socket.send({ op: "ping", t });
  await socket.waitFor((f) => f.op === "pong" && f.t === t);
}
