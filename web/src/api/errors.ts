/**
 * The one error type the client throws for a failed request. Screens branch on `code`
 * and `field` (from `details.field`), never on the message text, which is for people.
 */
import type { WireError } from "./types";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly retryAfterMs: number | undefined;
  readonly details: Record<string, unknown>;

  constructor(status: number, body: WireError | undefined) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = body?.code ?? (status === 0 ? "NETWORK" : "INTERNAL");
    this.retryAfterMs = body?.retryAfterMs;
    this.details = body?.details ?? {};
  }

  /** The request field the server named as wrong, e.g. "password" or "birthDate". */
  get field(): string | undefined {
    const field = this.details.field;
    return typeof field === "string" ? field : undefined;
  }
}

/** A request that never reached the server (offline, or the connection dropped). */
export function networkError(): ApiError {
  return new ApiError(0, undefined);
}
