/**
 * One log line per HTTP request, written when the response is sent: method, route
 * pattern (`/api/v1/invites/:code`, never the path itself, whose ids and codes may be
 * secrets, nor its query string), status, duration and, for an error, its catalogue
 * code. Health probes (/healthz, /readyz, /metrics) are left out unless LOG_PROBES is set:
 * a load balancer asking every few seconds would bury everything else.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../config.js";

const probeRoutes = new Set(["/healthz", "/readyz", "/metrics"]);
/** Error bodies start `{"error":{"code":"…"` (protocol.md "Errors"). */
const errorCode = /^\{"error":\{"code":"([A-Z_]{1,40})"/;

export function installRequestLog(app: FastifyInstance, config: Pick<Config, "logProbes">): void {
  const codes = new WeakMap<FastifyRequest, string>();

  app.addHook("onSend", async (request, reply, payload) => {
    if (reply.statusCode >= 400 && typeof payload === "string") {
      const code = errorCode.exec(payload)?.[1];
      if (code) codes.set(request, code);
    }
    return payload;
  });

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url;
    if (!config.logProbes && route !== undefined && probeRoutes.has(route)) return;
    const line = {
      method: request.method,
      route: route ?? "(no route)",
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ...(codes.has(request) ? { code: codes.get(request) } : {}),
    };
    if (reply.statusCode >= 500) request.log.error(line, "request failed");
    else request.log.info(line, "request");
  });
}
