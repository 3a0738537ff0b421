/**
 * A route of the public API as data: method, path, who may call it, and the zod
 * schemas of its params, query, body and every answer. The HTTP layer registers
 * Fastify routes from these definitions (validation and reply types), and the
 * OpenAPI document and docs/api.md are generated from the same objects.
 */
import type { z } from "zod";
import type { ErrorCode } from "../errors.js";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** `none`: no session needed; `member`: a session is required (401 without one). */
export type Access = "none" | "member";

export interface RouteDef {
  method: Method;
  url: string;
  access: Access;
  /** The section of docs/api.md and the OpenAPI tag. */
  tag: string;
  summary: string;
  description?: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  /** Status → answer schema; `null` for an answer without a body (204). */
  response: Record<number, z.ZodType | null>;
  /** Codes this route may answer besides BAD_REQUEST, UNAUTHENTICATED, RATE_LIMITED and INTERNAL. */
  errors?: ErrorCode[];
  /** Not JSON (Prometheus text, HTML): documented, not described by a schema. */
  contentType?: string;
}

/** Keeps each definition's literal types, so handlers are typed from its schemas. */
export function defineRoute<const R extends RouteDef>(route: R): R {
  return route;
}
