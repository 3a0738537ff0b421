/** Request shapes of the experience catalogue's administration. */
import { z } from "zod";

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

export const experienceParams = z.strictObject({ id: z.string().min(1).max(48) });
