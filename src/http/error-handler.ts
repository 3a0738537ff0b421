/**
 * Turns every failure into the protocol's error body (protocol.md "Errors").
 * Known problems map to their catalogue code; anything unexpected becomes
 * INTERNAL, with the cause kept in the log and never in the response.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { KindredError, badRequest } from "../protocol/errors.js";
import { allRoutes } from "../protocol/rest/routes.js";

export function sendError(reply: FastifyReply, error: KindredError): FastifyReply {
  if (error.retryAfterMs !== undefined) reply.header("retry-after", String(Math.ceil(error.retryAfterMs / 1000)));
  return reply.code(error.status).send({ error: error.toBody() });
}

/** Maps errors raised by Fastify itself (body parsing, limits) onto the catalogue. */
function fromFastify(error: FastifyError): KindredError | null {
  const status = error.statusCode ?? 0;
  if (status === 413) return new KindredError("PAYLOAD_TOO_LARGE");
  if (status === 415) return badRequest("content-type", "send JSON with Content-Type: application/json");
  if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") return badRequest("body", "a JSON body is required");
  if (error instanceof SyntaxError || error.code === "FST_ERR_CTP_INVALID_JSON_BODY") {
    return badRequest("body", "not valid JSON");
  }
  if (status >= 400 && status < 500) return badRequest("request", "malformed request");
  return null;
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof KindredError ? error : fromFastify(error);
    if (known) return sendError(reply, known);
    request.log.error({ err: error }, "unexpected error");
    return sendError(reply, new KindredError("INTERNAL"));
  });
  app.setNotFoundHandler((request, reply) => {
    const allowed = methodsFor(request.url.split("?")[0]!);
    if (allowed.length === 0) return sendError(reply, new KindredError("NOT_FOUND"));
    reply.header("allow", allowed.join(", "));
    return sendError(reply, new KindredError("METHOD_NOT_ALLOWED", { details: { allow: allowed } }));
  });
}

/** Each route's path as a pattern: `:param` matches one segment. */
const patterns = allRoutes.map((route) => ({
  method: route.method,
  pattern: new RegExp(`^${route.url.replace(/[.]/g, "\\.").replace(/:[A-Za-z]+/g, "[^/]+")}/?$`),
}));

/**
 * The methods a path does answer (RFC 9110 §15.5.6: a 405 names them in `Allow`).
 * GET routes answer HEAD too.
 */
function methodsFor(path: string): string[] {
  const methods = new Set<string>();
  for (const { method, pattern } of patterns) {
    if (!pattern.test(path)) continue;
    methods.add(method);
    if (method === "GET") methods.add("HEAD");
  }
  return [...methods];
}
