/**
 * Request bodies of the account and session routes (protocol.md "Authentication").
 * Objects are strict: unknown fields are `BAD_REQUEST`.
 */
import { z } from "zod";
import { handlePattern } from "../../domain/accounts/handle.js";

/** Long enough for any passphrase, short enough that hashing it cannot be abused. */
const maxPasswordLength = 1024;

export const handle = z
  .string()
  .max(32)
  .regex(handlePattern, "3–32 letters, digits, _ - or .");
export const password = z.string().max(maxPasswordLength);

export const signUpBody = z.strictObject({
  handle,
  password,
  birthDate: z.string().max(10).regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD"),
  acceptAgreement: z.literal(true, { error: "the community agreement must be accepted (true)" }),
});

export const signInBody = z.strictObject({
  handle: z.string().min(1).max(64),
  password,
});

export const recoverBody = z.strictObject({
  handle: z.string().min(1).max(64),
  recoveryCode: z.string().min(1).max(64),
  newPassword: password,
});

const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "a language code such as en or pt-BR");

export const updateMeBody = z
  .strictObject({
    displayName: z.string().trim().min(1).max(64).nullable(),
    about: z.string().trim().max(1000).nullable(),
    languages: z.array(languageCode).min(1).max(10),
    experiences: z.array(z.string().min(1).max(64)).max(20),
    availability: z.enum(["talk", "listen", "either", "away"]),
    region: z.string().regex(/^[A-Z]{2}$/, "a two-letter region code such as US").nullable(),
    onDuty: z.boolean(),
  })
  .partial();

export const sessionIdParams = z.strictObject({ id: z.string().min(1).max(64) });

export type SignUpBody = z.infer<typeof signUpBody>;
export type UpdateMeBody = z.infer<typeof updateMeBody>;
