/** Serves the web pages from public/ (the same path from src/ and from the built dist/). */
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { fileURLToPath } from "node:url";

const publicDir = fileURLToPath(new URL("../../public/", import.meta.url));

export async function installStaticPages(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: publicDir, index: ["index.html"], wildcard: false });
}
