/** Small HTTP client for tests: real requests over loopback, JSON in and out. */

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  cookie?: string;
  origin?: string;
  headers?: Record<string, string>;
  /** Sent as-is (for malformed bodies); otherwise `json` is serialized. */
  raw?: string | Uint8Array;
  json?: unknown;
}

export async function call<T = any>(base: string, method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  let body: string | Uint8Array | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.json !== undefined) body = JSON.stringify(options.json);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
    headers["content-type"] = "application/json";
  }
  const response = await fetch(base + path, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

let counter = 0;

/** A handle unique within the test process. */
export function uniqueHandle(prefix = "peer"): string {
  counter += 1;
  return `${prefix}${process.pid}_${counter}`;
}

export const goodPassword = "quiet river morning 42";

/** A birth date that makes the person `years` old today (UTC), optionally `days` short of it. */
export function birthDateYearsAgo(years: number, daysShort = 0): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() + daysShort));
  return d.toISOString().slice(0, 10);
}

export async function signUp(base: string, handle = uniqueHandle(), password = goodPassword) {
  const answer = await call(base, "POST", "/api/v1/accounts", {
    json: { handle, password, birthDate: birthDateYearsAgo(30), acceptAgreement: true },
  });
  if (answer.status !== 201) throw new Error(`sign-up failed: ${answer.status} ${answer.text}`);
  return { handle, password, ...(answer.body as { user: any; token: string; recoveryCodes: string[] }), answer };
}
