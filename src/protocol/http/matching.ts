/** Request shapes of protocol.md "Experiences and matching", the check-in and "stay in touch". */
import { z } from "zod";

export const matchRequestBody = z.strictObject({
  experiences: z.array(z.string().min(1).max(64)).max(10),
  mode: z.enum(["one-to-one", "group"]),
  anyone: z.boolean().optional(),
  note: z.string().trim().max(280).optional(),
});

export const matchRequestParams = z.strictObject({ id: z.string().min(1).max(64) });

const checkinAnswer = z.string().trim().max(280).nullable().optional();

export const checkinBody = z.strictObject({
  hopingFor: checkinAnswer,
  timeAvailable: checkinAnswer,
  avoidTopics: checkinAnswer,
});

export const stayInTouchBody = z.strictObject({ stay: z.boolean() });

