/**
 * Serves the web client built into dist/web (`npm run build:web`), the same path from src/ and
 * from the built dist/. Hashed files under /assets/ are cached for a year (their names change
 * when their content does); index.html is never cached, so a new build is picked up at once.
 * Any other GET that asks for HTML and is not under /api/ gets index.html: the client's router
 * decides what to show (the "single-page app" fallback). /agreement, /healthz, /readyz,
 * /metrics and /api/* are routes of their own and are never shadowed.
 */
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { KindredError } from "../protocol/errors.js";

const webDir = fileURLToPath(new URL("../../dist/web/", import.meta.url));

const notBuilt =
  "<!doctype html><meta charset=utf-8><title>Kindred</title><p>Kindred is peer support chat for adults. " +
  "The web client has not been built yet: run <code>npm run build:web</code> (npm start and npm test do it for you).";

function wantsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? "").includes("text/html");
}

export async function installStaticPages(app: FastifyInstance): Promise<void> {
  const indexPath = webDir + "index.html";
  const built = existsSync(indexPath);
  // Read once: the shell page is small and identical for every client route.
  const indexHtml = built ? readFileSync(indexPath, "utf8") : notBuilt;
  const sendIndex = (reply: FastifyReply) => reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(indexHtml);

  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      index: false,
      wildcard: false,
      // Our own cache-control (below), not the plugin's max-age=0.
      cacheControl: false,
      setHeaders(response, path) {
        const hashed = path.includes("/assets/");
        response.setHeader("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }

  app.get("/", async (_request, reply) => sendIndex(reply));

  // Fastify tries every exact route first (the files above, /agreement, /healthz, the API), so this sees only the rest.
  app.get("/*", async (request, reply) => {
    if (!request.url.startsWith("/api/") && wantsHtml(request)) return sendIndex(reply);
    throw new KindredError("NOT_FOUND");
  });
}
