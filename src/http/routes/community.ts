/** The community's texts and this API's own description, readable without a session. */
import { communityRoutes as r } from "../../protocol/rest/community.js";
import { buildOpenApi } from "../../protocol/openapi.js";
import { type App, routeOptions } from "../route.js";
import type { Services } from "../services.js";

export function communityRoutes(app: App, s: Services): void {
  /** GET /api/v1/agreement → {agreement: {version, text}} (Markdown). */
  app.route({ ...routeOptions(r.agreement), handler: async () => ({ agreement: s.agreement }) });

  /** GET /api/v1/openapi.json → the OpenAPI 3.1 document, generated from the same schemas the routes validate with. */
  const openapi = buildOpenApi();
  app.route({ ...routeOptions(r.openapi), handler: async () => openapi });
}
