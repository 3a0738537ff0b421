/**
 * Registers a Fastify route from its protocol definition (src/protocol/rest/),
 * so the zod schemas there validate what arrives, type the handler and shape
 * what leaves. Who may call it (`access`) rides along in the route's config and
 * is enforced once, by the auth hook (auth.ts).
 */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { Access, RouteDef } from "../protocol/rest/route.js";

/** The Fastify instance type every route plugin receives: typed by the zod provider. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
}

type Answers<R extends RouteDef> = {
  [K in keyof R["response"] as R["response"][K] extends z.ZodType ? K : never]: R["response"][K];
};

type SchemaOf<R extends RouteDef> = {
  params: R extends { params: infer P } ? P : undefined;
  querystring: R extends { querystring: infer Q } ? Q : undefined;
  body: R extends { body: infer B } ? B : undefined;
  response: Answers<R>;
};

/** Method, URL, schemas and access of a definition, ready to spread into `app.route`. */
export function routeOptions<const R extends RouteDef>(def: R) {
  const response = Object.fromEntries(Object.entries(def.response).filter(([, schema]) => schema !== null));
  const parts = {
    params: def.params,
    querystring: def.querystring,
    body: def.body,
    // Text answers (metrics, pages) are sent as they are, not serialized as JSON.
    response: def.contentType ? undefined : response,
  };
  const schema = Object.fromEntries(Object.entries(parts).filter(([, part]) => part !== undefined)) as unknown as SchemaOf<R>;
  return { method: def.method, url: def.url, config: { access: def.access }, schema };
}
