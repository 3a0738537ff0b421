/**
 * Fastify's validator for zod schemas: what arrives is parsed by the route's
 * schema (defaults and trimming applied), and the first problem becomes
 * `BAD_REQUEST` naming the field, worded exactly as over the WebSocket.
 */
import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";
import { validationError } from "../protocol/validate.js";

const prefixOf: Record<string, string> = { body: "", querystring: "query", params: "params", headers: "headers" };

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: validationError(result.error, prefixOf[httpPart ?? "body"] ?? "") };
  };
