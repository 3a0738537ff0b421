/**
 * The one error catalogue (protocol.md "Errors"). Every HTTP error body and every
 * WebSocket `error` frame is built from an entry here; clients branch on `code`,
 * never on `message`. docs/api.md's table of codes is generated from it.
 */
import { z } from "zod";

export const errorCatalogue = {
  BAD_REQUEST: { status: 400, retryable: false, message: "Something in that request isn't right." },
  UNAUTHENTICATED: { status: 401, retryable: false, message: "Please sign in." },
  FORBIDDEN: { status: 403, retryable: false, message: "That isn't allowed." },
  UNDER_AGE: {
    status: 403,
    retryable: false,
    message:
      "Kindred is for adults (18 and over), so we can't create an account for you. Nothing you typed has been kept. " +
      "You deserve support too: youth services and young people's helplines in your area are there for you, " +
      "and the help lines on our help page (/help) can be reached without an account.",
  },
  BLOCKED: { status: 403, retryable: false, message: "You can't reach this person." },
  MUTED: { status: 403, retryable: true, message: "You can't send messages for a while. You can still read, and see why in your moderation page." },
  SUSPENDED: { status: 403, retryable: false, message: "Your account is suspended for a while. You can read why and appeal." },
  BANNED: { status: 403, retryable: false, message: "Your account has been closed by the moderators. You can read why and appeal." },
  NOT_FOUND: { status: 404, retryable: false, message: "That doesn't exist, or you can't see it." },
  METHOD_NOT_ALLOWED: { status: 405, retryable: false, message: "That address doesn't take this method." },
  CONFLICT: { status: 409, retryable: false, message: "That conflicts with something that already exists." },
  NO_SUPPORTER_ON_DUTY: {
    status: 409,
    retryable: true,
    message: "No peer supporter is free right now. The lines below can be reached at any time.",
  },
  CONFIRM_OFF_PLATFORM: {
    status: 409,
    retryable: false,
    message: "This message shares contact details for outside Kindred. Send it again with confirm: true if you are sure.",
  },
  HANDLE_TAKEN: { status: 409, retryable: false, message: "That handle is taken. Please pick another." },
  PAYLOAD_TOO_LARGE: { status: 413, retryable: false, message: "That is too large." },
  WEAK_PASSWORD: {
    status: 400,
    retryable: false,
    message: "Please choose a password of at least 10 characters that isn't a common one.",
  },
  RATE_LIMITED: { status: 429, retryable: true, message: "Slow down a little." },
  UNAVAILABLE: { status: 503, retryable: true, message: "Kindred is starting or stopping. Please try again shortly." },
  INTERNAL: { status: 500, retryable: true, message: "Something went wrong on our side. Nothing was lost; please try again." },
} as const satisfies Record<string, { status: number; retryable: boolean; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

/** The wire shape of `error` in bodies and frames. */
export const errorBody = z
  .object({
    code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
    message: z.string().meta({ description: "For people; may change. Branch on `code`." }),
    retryable: z.boolean(),
    retryAfterMs: z.number().int().min(0).optional(),
    details: z.record(z.string(), z.unknown()).optional().meta({ description: "BAD_REQUEST: {field, problem}; RATE_LIMITED: {limit}." }),
  })
  .meta({ id: "Error" });

export type ErrorDetails = Record<string, unknown>;

export type ErrorBody = z.infer<typeof errorBody>;

/** Thrown by domain and transport code; turned into an error body at the edge. */
export class KindredError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;
  readonly retryAfterMs?: number;

  constructor(code: ErrorCode, options: { message?: string; details?: ErrorDetails; retryAfterMs?: number } = {}) {
    super(options.message ?? errorCatalogue[code].message);
    this.name = "KindredError";
    this.code = code;
    this.details = options.details;
    this.retryAfterMs = options.retryAfterMs;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message, retryable: errorCatalogue[this.code].retryable };
    if (this.retryAfterMs !== undefined) body.retryAfterMs = this.retryAfterMs;
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

/**
 * `BAD_REQUEST` naming the field (dotted path) that is wrong, in plain words:
 * "handle: 3–32 letters, digits, _ - or .".
 */
export function badRequest(field: string, problem: string): KindredError {
  return new KindredError("BAD_REQUEST", { message: `${field || "body"}: ${problem}`, details: { field: field || "body", problem } });
}

/** A state-changing request or socket authenticated by cookie from another site: worded the same over REST and WebSocket. */
export function foreignOriginError(): KindredError {
  return new KindredError("FORBIDDEN", {
    message: "This request must come from Kindred's own pages (its Origin header is missing or not allowed).",
    details: { field: "origin" },
  });
}
