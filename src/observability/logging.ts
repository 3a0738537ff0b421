/**
 * Structured logs (pino). What is logged is chosen, not dumped: method, route
 * and status, never bodies, headers, client addresses, tokens, passwords,
 * recovery codes or message text. The redact list is a second line of defence.
 */
import type { FastifyServerOptions } from "fastify";
import type { DestinationStream } from "pino";
import type { Config } from "../config.js";

export function loggerOptions(config: Config, stream?: DestinationStream): FastifyServerOptions["logger"] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "res.headers['set-cookie']", "*.password", "*.token"],
      censor: "[redacted]",
    },
    serializers: {
      // The route pattern, never the path: paths carry ids and invite codes, query strings anything.
      req: (req: { method: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url ?? "(no route)" }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
