/**
 * Turns every failure into the protocol's error body (protocol.md "Errors").
 * Known problems map to their catalogue code; anything unexpected becomes
 * INTERNAL, with the cause kept in the log and never in the response.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { KindredError, badRequest } from "../protocol/errors.js";

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
  app.setNotFoundHandler((_request, reply) => sendError(reply, new KindredError("NOT_FOUND")));
}
