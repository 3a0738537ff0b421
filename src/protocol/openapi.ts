/**
 * The OpenAPI 3.1 document of the public API, generated from the route
 * definitions (http/routes.ts) and the error catalogue: served at
 * GET /api/v1/openapi.json and rendered into docs/api.md.
 */
import { z } from "zod";
import { errorBody, errorCatalogue } from "./errors.js";
import type { RouteDef } from "./rest/route.js";
import { routeGroups } from "./rest/routes.js";

type Json = Record<string, unknown>;

export const apiVersion = "1";

/** JSON Schema for a zod schema; named schemas are hoisted into `components`. */
function jsonSchema(schema: z.ZodType, io: "input" | "output", components: Json): Json {
  const out = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  return hoist(out, components) as Json;
}

function hoist(node: unknown, components: Json): unknown {
  if (Array.isArray(node)) return node.map((n) => hoist(n, components));
  if (node === null || typeof node !== "object") return node;
  const result: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === "$schema") continue;
    if (key === "$defs") {
      for (const [name, def] of Object.entries(value as Json)) components[name] ??= hoist(def, components);
      continue;
    }
    if (key === "id" && typeof value === "string") continue;
    result[key] = key === "$ref" && typeof value === "string" ? value.replace("#/$defs/", "#/components/schemas/") : hoist(value, components);
  }
  return result;
}

/** `/api/v1/conversations/:id` → `/api/v1/conversations/{id}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, "{$1}");
}

function parameters(route: RouteDef, components: Json): Json[] {
  const list: Json[] = [];
  for (const [where, schema] of [
    ["path", route.params],
    ["query", route.querystring],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, "input", components);
    const required = new Set((object.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries((object.properties as Json | undefined) ?? {})) {
      list.push({ name, in: where, required: where === "path" || required.has(name), schema: property });
    }
  }
  return list;
}

function operation(group: string, name: string, route: RouteDef, components: Json): Json {
  const responses: Json = {};
  for (const [status, schema] of Object.entries(route.response)) {
    const description = Number(status) === 204 ? "No content" : "Success";
    if (schema === null) responses[status] = { description };
    else if (route.contentType) responses[status] = { description, content: { [route.contentType]: { schema: { type: "string" } } } };
    else responses[status] = { description, content: { "application/json": { schema: jsonSchema(schema, "output", components) } } };
  }
  for (const code of errorCodesOf(route)) {
    const status = String(errorCatalogue[code].status);
    const existing = responses[status] as { description: string } | undefined;
    if (existing && !existing.description.startsWith("Error")) continue;
    const codes = existing ? `${existing.description.replace(/^Error: /, "")}, ${code}` : code;
    responses[status] = { description: `Error: ${codes}`, content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorAnswer" } } } };
  }
  const op: Json = {
    operationId: `${group}.${name}`,
    tags: [route.tag],
    summary: route.summary,
    responses,
    security: route.access === "member" ? [{ bearer: [] }, { cookie: [] }] : [],
  };
  if (route.description) op.description = route.description;
  const params = parameters(route, components);
  if (params.length > 0) op.parameters = params;
  if (route.body) {
    const optional = route.body.safeParse(undefined).success;
    op.requestBody = { required: !optional, content: { "application/json": { schema: jsonSchema(route.body, "input", components) } } };
  }
  return op;
}

/** The error codes a route may answer: its own, plus those every route of its kind can. */
export function errorCodesOf(route: RouteDef): Array<keyof typeof errorCatalogue> {
  const codes = new Set<keyof typeof errorCatalogue>();
  if (route.body || route.params || route.querystring) codes.add("BAD_REQUEST");
  if (route.body) codes.add("PAYLOAD_TOO_LARGE");
  if (route.access === "member") codes.add("UNAUTHENTICATED");
  for (const code of route.errors ?? []) codes.add(code);
  codes.add("RATE_LIMITED");
  codes.add("INTERNAL");
  return [...codes];
}

export function buildOpenApi(routes: Record<string, Record<string, RouteDef>> = routeGroups): Json {
  const components: Json = {};
  const paths: Record<string, Json> = {};
  for (const [group, defs] of Object.entries(routes)) {
    for (const [name, route] of Object.entries(defs)) {
      const path = openApiPath(route.url);
      paths[path] ??= {};
      paths[path][route.method.toLowerCase()] = operation(group, name, route, components);
    }
  }
  components.ErrorAnswer = { type: "object", required: ["error"], properties: { error: jsonSchema(errorBody, "output", components) } };
  return {
    openapi: "3.1.0",
    info: {
      title: "Kindred",
      version: apiVersion,
      description: "Peer-to-peer support chat for adults. Live events, sends with acks and resume go over the WebSocket at /api/v1/ws: see docs/api.md.",
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "The token from sign-up, sign-in or recovery." },
        cookie: {
          type: "apiKey",
          in: "cookie",
          name: "kindred_session",
          description: "Set by sign-up and sign-in. State-changing requests with it must carry an allowed Origin header.",
        },
      },
    },
  };
}
