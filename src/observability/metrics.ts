/**
 * Prometheus metrics at /metrics: process defaults, request counts and latency by
 * route, open sockets, and the live-path metrics of live-metrics.ts.
 */
import type { FastifyInstance } from "fastify";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { liveMetrics } from "./live-metrics.js";

export function installMetrics(app: FastifyInstance, live: { openSockets: () => number }): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "kindred_" });
  const requests = new Counter({
    name: "kindred_http_requests_total",
    help: "HTTP requests by method, route and status",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "kindred_http_request_duration_seconds",
    help: "HTTP request duration by method and route",
    labelNames: ["method", "route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: "kindred_ws_sockets_open",
    help: "WebSockets open on this node",
    registers: [registry],
    // Read at scrape time from the gateway's own count: nothing to keep in step.
    collect() {
      this.set(live.openSockets());
    },
  });
  for (const metric of liveMetrics) registry.registerMetric(metric);
  app.addHook("onResponse", async (request, reply) => {
    // The route pattern, never the concrete URL, so ids do not become labels.
    const route = request.routeOptions.url ?? "unmatched";
    requests.inc({ method: request.method, route, status: reply.statusCode });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  return registry;
}
