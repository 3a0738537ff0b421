/**
 * Security headers and request guards applied to every route: a strict
 * Content-Security-Policy (only our own origin, no inline script), no caching
 * of API answers, and refusal of state-changing requests from foreign origins.
 */
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config.js";
import { foreignOriginError } from "../protocol/errors.js";
import { isAllowedOrigin, isStateChanging } from "./auth.js";

export async function installSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: "no-referrer" },
  });

  app.addHook("onRequest", async (request) => {
    // Any state-changing request that names a foreign origin is refused before it is read,
    // whether or not it carries a session: this also stops cross-site sign-in and sign-up.
    const origin = request.headers.origin;
    if (isStateChanging(request) && origin !== undefined && !isAllowedOrigin(request, config, origin)) {
      throw foreignOriginError();
    }
  });

  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });
}
