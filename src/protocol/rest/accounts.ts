/**
 * Accounts, sessions and the member's own profile (protocol.md "Authentication").
 * Request objects are strict: unknown fields are `BAD_REQUEST`.
 */
import { z } from "zod";
import { availability, experienceId, handlePattern, id, isoTime, languageCode, regionCode, user } from "../common.js";
import { defineRoute } from "./route.js";

/** Long enough for any passphrase, short enough that hashing it cannot be abused. */
const maxPasswordLength = 1024;

export const handle = z.string().max(32).regex(handlePattern, "3–32 letters, digits, _ - or .");
export const password = z.string().max(maxPasswordLength);

export const signUpBody = z.strictObject({
  handle,
  password,
  birthDate: z
    .string()
    .max(10)
    .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD"),
  acceptAgreement: z.literal(true, { error: "the community agreement must be accepted (true)" }),
});

export const signInBody = z.strictObject({ handle: z.string().min(1).max(64), password });

export const recoverBody = z.strictObject({
  handle: z.string().min(1).max(64),
  recoveryCode: z.string().min(1).max(64),
  newPassword: password,
});

export const updateMeBody = z
  .strictObject({
    displayName: z.string().trim().min(1).max(64).nullable(),
    about: z.string().trim().max(1000).nullable(),
    languages: z.array(languageCode).min(1).max(10),
    experiences: z.array(experienceId).max(20),
    availability,
    region: regionCode.nullable(),
    onDuty: z.boolean(),
  })
  .partial();

const signedIn = z.object({ user, token: z.string().meta({ description: "The session token (also set as the session cookie)." }) });
const signedUp = signedIn.extend({ recoveryCodes: z.array(z.string()).length(10).meta({ description: "Shown once; each works once." }) });
const userAnswer = z.object({ user });

export const session = z
  .object({ id, createdAt: isoTime, lastUsedAt: isoTime, expiresAt: isoTime, current: z.boolean().meta({ description: "The session making this request." }) })
  .meta({ id: "Session" });

export const accountRoutes = {
  signUp: defineRoute({
    method: "POST",
    url: "/api/v1/accounts",
    access: "none",
    tag: "Accounts and sessions",
    summary: "Sign up",
    description:
      "A person is 18 on their 18th birthday by the server's UTC date; younger: UNDER_AGE and nothing about the attempt is stored or logged. " +
      "The birth date itself is never stored. Sets the session cookie.",
    body: signUpBody,
    response: { 201: signedUp },
    errors: ["UNDER_AGE", "HANDLE_TAKEN", "WEAK_PASSWORD", "FORBIDDEN"],
  }),
  recover: defineRoute({
    method: "POST",
    url: "/api/v1/accounts/recover",
    access: "none",
    tag: "Accounts and sessions",
    summary: "Recover an account with a recovery code",
    description: "Sets a new password and issues ten new codes; every older session and code stops working. A used, unknown or old code: UNAUTHENTICATED.",
    body: recoverBody,
    response: { 200: signedUp },
    errors: ["WEAK_PASSWORD", "FORBIDDEN"],
  }),
  signIn: defineRoute({
    method: "POST",
    url: "/api/v1/sessions",
    access: "none",
    tag: "Accounts and sessions",
    summary: "Sign in",
    description: "Wrong handle or wrong password get the same UNAUTHENTICATED answer. Sets the session cookie.",
    body: signInBody,
    response: { 200: signedIn },
    errors: ["FORBIDDEN"],
  }),
  listSessions: defineRoute({
    method: "GET",
    url: "/api/v1/sessions",
    access: "member",
    tag: "Accounts and sessions",
    summary: "List my sessions",
    response: { 200: z.object({ sessions: z.array(session) }) },
  }),
  endCurrentSession: defineRoute({
    method: "DELETE",
    url: "/api/v1/sessions/current",
    access: "member",
    tag: "Accounts and sessions",
    summary: "Sign out",
    description: "The token stops working at once and its sockets close (code 4001).",
    response: { 204: null },
  }),
  endOtherSessions: defineRoute({
    method: "DELETE",
    url: "/api/v1/sessions/others",
    access: "member",
    tag: "Accounts and sessions",
    summary: "Sign out everywhere else",
    description: "Ends every session of mine except the one making this request; their sockets close.",
    response: { 200: z.object({ ended: z.number().int().min(0) }) },
  }),
  endSession: defineRoute({
    method: "DELETE",
    url: "/api/v1/sessions/:id",
    access: "member",
    tag: "Accounts and sessions",
    summary: "End one of my sessions",
    params: z.strictObject({ id }),
    response: { 204: null },
    errors: ["NOT_FOUND"],
  }),
  me: defineRoute({
    method: "GET",
    url: "/api/v1/me",
    access: "member",
    tag: "Accounts and sessions",
    summary: "My profile",
    response: { 200: userAnswer },
  }),
  updateMe: defineRoute({
    method: "PATCH",
    url: "/api/v1/me",
    access: "member",
    tag: "Accounts and sessions",
    summary: "Change my profile",
    description:
      "Every field is checked before any is written. `experiences` must be offered tags (or ones already on the profile); `onDuty` is for supporters only (others: FORBIDDEN).",
    body: updateMeBody,
    response: { 200: userAnswer },
    errors: ["FORBIDDEN"],
  }),
} as const;

export type SignUpBody = z.infer<typeof signUpBody>;
export type UpdateMeBody = z.infer<typeof updateMeBody>;
