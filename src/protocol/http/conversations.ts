/** Request shapes of protocol.md "Conversations" and "Safety" (blocks). Objects are strict. */
import { z } from "zod";
import { isTimeZone, weekdays } from "../../domain/rooms/schedule.js";

export const id = z.string().min(1).max(64);

/** Message text: 1–4000 characters (code points) after trimming; no NUL. */
export const messageBody = z
  .string()
  .max(16_000)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, "must not be empty")
  .refine((s) => [...s].length <= 4000, "at most 4000 characters")
  .refine((s) => !s.includes("\u0000"), "must not contain NUL characters");

export const contentWarning = z
  .string()
  .max(200)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, "must not be empty");

export const clientMsgId = z.string().min(1).max(64);

export const sendMessageBody = z.strictObject({
  clientMsgId,
  body: messageBody,
  contentWarning: contentWarning.optional(),
});

export const editMessageBody = z.strictObject({
  body: messageBody,
  contentWarning: contentWarning.nullable().optional(),
});

export const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "a language code such as en or pt-BR");

export const schedule = z.strictObject({
  weekday: z.enum(weekdays),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time as HH:MM (24-hour)"),
  timeZone: z.string().max(64).refine(isTimeZone, "an IANA time zone such as America/Chicago"),
});

/** A group (a peer-led room when a facilitator opens it). */
export const createConversationBody = z.strictObject({
  kind: z.literal("group"),
  title: z.string().trim().min(1).max(80),
  topic: z.string().trim().max(500).optional(),
  experiences: z.array(z.string().min(1).max(64)).max(10).optional(),
  visibility: z.enum(["public", "invite"]),
  agreement: z.string().trim().max(2000).optional(),
  language: languageCode.optional(),
  schedule: schedule.optional(),
});

export const roomsQuery = z.strictObject({
  experience: z.string().min(1).max(64).optional(),
  language: languageCode.optional(),
});

export const memberParams = z.strictObject({ id, userId: id });
export const inviteParams = z.strictObject({ id, inviteId: id });
export const inviteCodeParams = z.strictObject({ code: z.string().min(1).max(64) });

export const emptyBody = z.strictObject({}).optional();

export const conversationParams = z.strictObject({ id });
export const messageParams = z.strictObject({ id, messageId: id });
export const blockParams = z.strictObject({ userId: id });
export const blockBody = z.strictObject({ userId: id });

const seqParam = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const historyQuery = z.strictObject({
  afterSeq: seqParam.optional(),
  beforeSeq: seqParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type SendMessageBody = z.infer<typeof sendMessageBody>;
export type CreateConversationBody = z.infer<typeof createConversationBody>;
export type HistoryQuery = z.infer<typeof historyQuery>;
