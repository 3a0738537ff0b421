/** The experience catalogue (protocol.md "Experiences and matching") and its administration. */
import { z } from "zod";
import { defineRoute } from "./route.js";

export const experience = z.object({ id: z.string(), label: z.string(), description: z.string() }).meta({ id: "Experience" });
const adminExperience = experience.extend({ retired: z.boolean() });

export const createExperienceBody = z.strictObject({
  id: z.string().min(1).max(48).optional(),
  label: z.string().trim().min(1).max(80),
  description: z.string().trim().max(300).default(""),
});

export const updateExperienceBody = z.strictObject({
  label: z.string().trim().min(1).max(80).optional(),
  description: z.string().trim().max(300).optional(),
  retired: z.boolean().optional(),
});

const params = z.strictObject({ id: z.string().min(1).max(48) });

export const experienceRoutes = {
  catalogue: defineRoute({
    method: "GET",
    url: "/api/v1/experiences",
    access: "none",
    tag: "Experiences",
    summary: "The instance's experience tags",
    response: { 200: z.object({ experiences: z.array(experience) }) },
  }),
  adminList: defineRoute({
    method: "GET",
    url: "/api/v1/admin/experiences",
    access: "member",
    tag: "Administration",
    summary: "Every experience tag, retired ones too (administrators)",
    response: { 200: z.object({ experiences: z.array(adminExperience) }) },
    errors: ["FORBIDDEN"],
  }),
  adminCreate: defineRoute({
    method: "POST",
    url: "/api/v1/admin/experiences",
    access: "member",
    tag: "Administration",
    summary: "Add an experience tag (administrators)",
    body: createExperienceBody,
    response: { 201: z.object({ experience: adminExperience }) },
    errors: ["FORBIDDEN", "CONFLICT"],
  }),
  adminUpdate: defineRoute({
    method: "PATCH",
    url: "/api/v1/admin/experiences/:id",
    access: "member",
    tag: "Administration",
    summary: "Rename, describe, retire or restore a tag (administrators)",
    description: "A retired tag is no longer offered, but stays on the profiles that have it.",
    params,
    body: updateExperienceBody,
    response: { 200: z.object({ experience: adminExperience }) },
    errors: ["FORBIDDEN", "NOT_FOUND"],
  }),
} as const;
