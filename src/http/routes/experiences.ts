/** The experience catalogue (protocol.md "Experiences and matching") and its administration. */
import type { FastifyInstance } from "fastify";
import { rolesOf } from "../../domain/accounts/roles.js";
import { KindredError } from "../../protocol/errors.js";
import { createExperienceBody, experienceParams, updateExperienceBody } from "../../protocol/http/experiences.js";
import { parseInput } from "../../protocol/validate.js";
import { requireAuth } from "../auth.js";
import type { Services } from "../services.js";

export function registerExperienceRoutes(app: FastifyInstance, s: Services): void {
  /** GET /api/v1/experiences → {experiences: [{id, label, description}]}, no session needed. */
  app.get("/api/v1/experiences", async () => ({ experiences: await s.experiences.catalogue() }));

  const requireAdmin = async (request: Parameters<typeof requireAuth>[0]) => {
    const me = await requireAuth(request, s.accounts.sessions, s.config);
    if (!(await rolesOf(s.db, me.user.id)).includes("admin")) throw new KindredError("FORBIDDEN", { message: "Only administrators can change the catalogue." });
    return me;
  };

  /** GET /api/v1/admin/experiences → every tag, retired ones too. */
  app.get("/api/v1/admin/experiences", async (request) => {
    await requireAdmin(request);
    return { experiences: await s.experiences.all() };
  });

  /** POST /api/v1/admin/experiences → 201 {experience}. */
  app.post("/api/v1/admin/experiences", async (request, reply) => {
    await requireAdmin(request);
    const body = parseInput(createExperienceBody, request.body);
    return reply.code(201).send({ experience: await s.experiences.create(body) });
  });

  /** PATCH /api/v1/admin/experiences/:id → {experience}: rename, describe, retire or restore. */
  app.patch("/api/v1/admin/experiences/:id", async (request) => {
    await requireAdmin(request);
    const { id } = parseInput(experienceParams, request.params, "params");
    const body = parseInput(updateExperienceBody, request.body);
    return { experience: await s.experiences.update(id, body) };
  });
}
