/** Public, sessionless texts of the community (protocol.md "Authentication" lists them). */
import type { FastifyInstance } from "fastify";
import type { Services } from "../services.js";

export function registerCommunityRoutes(app: FastifyInstance, s: Services): void {
  /** GET /api/v1/agreement → 200 {agreement: {version, text}} (Markdown). */
  app.get("/api/v1/agreement", async () => ({ agreement: s.agreement }));
}
