/**
 * HTTP under autocannon: sign-in throughput (bound by argon2id at the default
 * cost, m=64 MiB, t=3, p=1: a few per second per core is the honest figure)
 * and the latency of listing one's conversations.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { benchPassword, seed } from "../fixtures.js";
import { startKindred } from "../servers.js";

export interface HttpResult {
  signInPerSecond: number;
  signInP99Ms: number;
  listConversations: { requestsPerSecond: number; p50Ms: number; p99Ms: number };
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export async function http(durationS: number, log: (line: string) => void): Promise<HttpResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "kindred-bench-"));
  const seeded = await seed(dataDir, { users: 100, groupSize: 10, groups: true });
  const server = await startKindred(dataDir);
  try {
    const signIn = await run({
      url: `${server.url}/api/v1/sessions`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ handle: seeded.handles[0], password: benchPassword }),
      connections: 4,
      duration: durationS,
    });
    const list = await run({
      url: `${server.url}/api/v1/conversations`,
      headers: { authorization: `Bearer ${seeded.tokens[1]}` },
      connections: 20,
      duration: durationS,
    });
    const result = {
      signInPerSecond: Math.round(signIn.requests.average * 10) / 10,
      signInP99Ms: signIn.latency.p99,
      listConversations: { requestsPerSecond: Math.round(list.requests.average), p50Ms: list.latency.p50, p99Ms: list.latency.p99 },
    };
    if (signIn.non2xx > 0 || list.non2xx > 0) throw new Error(`HTTP errors: sign-in ${signIn.non2xx}, list ${list.non2xx}`);
    log(
      `  http: sign-in ${result.signInPerSecond}/s (p99 ${result.signInP99Ms} ms); GET /conversations ${result.listConversations.requestsPerSecond}/s, p50 ${result.listConversations.p50Ms} ms, p99 ${result.listConversations.p99Ms} ms`,
    );
    return result;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
