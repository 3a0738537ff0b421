/** The experience catalogue (protocol.md "Experiences and matching") and its administration. */
import type { FastifyRequest } from "fastify";
import { KindredError } from "../../protocol/errors.js";
import { experienceRoutes as r } from "../../protocol/rest/experiences.js";
import { memberOf } from "../auth.js";
import { type App, routeOptions } from "../route.js";
import type { Services } from "../services.js";

export function experienceRoutes(app: App, s: Services): void {
  /** GET /api/v1/experiences → {experiences}, no session needed. */
  app.route({ ...routeOptions(r.catalogue), handler: async () => ({ experiences: await s.experiences.catalogue() }) });

  /** Roles are read from the store on every request, so a revoked role stops at once. */
  const requireAdmin = async (request: FastifyRequest) => {
    if (!(await s.accounts.hasRole(memberOf(request).user.id, "admin"))) {
      throw new KindredError("FORBIDDEN", { message: "Only administrators can change the catalogue." });
    }
  };

  /** GET /api/v1/admin/experiences → every tag, retired ones too. */
  app.route({
    ...routeOptions(r.adminList),
    onRequest: requireAdmin,
    handler: async () => ({ experiences: await s.experiences.all() }),
  });

  /** POST /api/v1/admin/experiences → 201 {experience}. */
  app.route({
    ...routeOptions(r.adminCreate),
    onRequest: requireAdmin,
    handler: async (request, reply) => reply.code(201).send({ experience: await s.experiences.create(request.body) }),
  });

  /** PATCH /api/v1/admin/experiences/:id → {experience}: rename, describe, retire or restore. */
  app.route({
    ...routeOptions(r.adminUpdate),
    onRequest: requireAdmin,
    handler: async (request) => ({ experience: await s.experiences.update(request.params.id, request.body) }),
  });
}
