/** Public, sessionless texts of the community (protocol.md "Authentication" lists them). */
import type { FastifyInstance } from "fastify";
import type { Services } from "../services.js";

export function registerCommunityRoutes(app: FastifyInstance, s: Services): void {
  /** GET /api/v1/agreement → 200 {agreement: {version, text}} (Markdown). */
  app.get("/api/v1/agreement", async () => ({ agreement: s.agreement }));

  /** GET /agreement → the same text for people, readable in any browser. */
  app.get("/agreement", async (_request, reply) => reply.type("text/plain; charset=utf-8").send(s.agreement.text));
}
