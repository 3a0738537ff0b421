/** Members with profiles, for matching tests. */
import { call, signUp } from "./http.js";

export interface Profile {
  experiences?: string[];
  languages?: string[];
  availability?: "talk" | "listen" | "either" | "away";
}

export async function member(baseUrl: string, profile: Profile = {}) {
  const m = await signUp(baseUrl);
  const patch = { experiences: ["grief"], languages: ["en"], availability: "talk", ...profile };
  const res = await call(baseUrl, "PATCH", "/api/v1/me", { token: m.token, json: patch });
  if (res.status !== 200) throw new Error(`profile update failed: ${res.text}`);
  return m;
}

export function requestMatch(baseUrl: string, token: string, body: Record<string, unknown>) {
  return call(baseUrl, "POST", "/api/v1/match-requests", { token, json: { mode: "one-to-one", experiences: ["grief"], ...body } });
}
