/** Public, sessionless texts of the community (protocol.md "Authentication" lists them). */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { resourcesFor } from "../../domain/safety/resources.js";
import { parseInput } from "../../protocol/validate.js";
import type { Services } from "../services.js";

export function registerCommunityRoutes(app: FastifyInstance, s: Services): void {
  /** GET /api/v1/agreement → 200 {agreement: {version, text}} (Markdown). */
  app.get("/api/v1/agreement", async () => ({ agreement: s.agreement }));

  /**
   * GET /api/v1/resources?region= → {resources}: crisis lines and warmlines. No
   * session needed: a person in crisis must reach help without signing in.
   */
  app.get("/api/v1/resources", async (request) => {
    const { region } = parseInput(z.strictObject({ region: z.string().regex(/^[A-Z]{2}$/).optional() }), request.query, "query");
    return { resources: resourcesFor(s.resources, region) };
  });
}
