/**
 * Rate limits. On the routes that hash passwords (OWASP Authentication Cheat
 * Sheet: throttle per address and per account) they are consumed before any
 * hashing, so a flood costs us a counter, not an argon2 run. Sends have a
 * per-member budget (delivery-notes.md "limits"). Every budget is
 * multiplied by RATE_LIMIT_MULTIPLIER. With Redis the counters are shared by
 * every node; should Redis fail, each node falls back to its own counters.
 */
import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { KindredError } from "../../protocol/errors.js";

interface Budget {
  points: number;
  durationSec: number;
}

const budgets = {
  signUpPerAddress: { points: 20, durationSec: 3600 },
  signUpPerHandle: { points: 5, durationSec: 3600 },
  signInPerAddress: { points: 30, durationSec: 900 },
  signInPerHandle: { points: 10, durationSec: 900 },
  recoverPerAddress: { points: 10, durationSec: 3600 },
  recoverPerHandle: { points: 5, durationSec: 3600 },
  /** Password tries to delete an account: a stolen session cannot guess its way through. */
  deleteAccountPerMember: { points: 5, durationSec: 900 },
  /** Messages: a burst of 30, then 3 a second (WebSocket and REST together). */
  sendPerMember: { points: 30, durationSec: 10 },
} satisfies Record<string, Budget>;

export type LimitName = keyof typeof budgets;

/** What was limited, in words a member understands; the same over REST and WebSocket. */
const limitWording: Record<LimitName, string> = {
  signUpPerAddress: "Too many accounts were made from this address.",
  signUpPerHandle: "Too many tries to sign up with this handle.",
  signInPerAddress: "Too many sign-in attempts from this address.",
  signInPerHandle: "Too many sign-in attempts for this handle.",
  recoverPerAddress: "Too many recovery attempts from this address.",
  recoverPerHandle: "Too many recovery attempts for this handle.",
  deleteAccountPerMember: "Too many password tries to delete this account.",
  sendPerMember: "You are sending messages very quickly.",
};

/** "3 seconds", "2 minutes", "1 hour": rounded up, never "0". */
export function waitWording(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

/** Every budget, for docs/api.md's table of limits. */
export const rateBudgets: Readonly<Record<LimitName, Budget & { what: string }>> = Object.fromEntries(
  Object.entries(budgets).map(([name, b]) => [name, { ...b, what: limitWording[name as LimitName] }]),
) as Record<LimitName, Budget & { what: string }>;

export class RateLimits {
  private readonly limiters: Record<LimitName, RateLimiterAbstract>;

  constructor(multiplier: number, redis?: { client: Redis; keyPrefix: string }) {
    const limiter = (name: string, b: Budget): RateLimiterAbstract => {
      const options = { keyPrefix: `${redis?.keyPrefix ?? ""}rl:${name}`, points: Math.max(1, Math.round(b.points * multiplier)), duration: b.durationSec };
      const memory = new RateLimiterMemory(options);
      return redis ? new RateLimiterRedis({ ...options, storeClient: redis.client, insuranceLimiter: memory }) : memory;
    };
    this.limiters = Object.fromEntries(Object.entries(budgets).map(([name, b]) => [name, limiter(name, b)])) as Record<LimitName, RateLimiterAbstract>;
  }

  /** Takes one point from each named budget; throws RATE_LIMITED with the wait when one is spent. */
  async consume(...checks: Array<[LimitName, string]>): Promise<void> {
    for (const [name, key] of checks) {
      try {
        await this.limiters[name].consume(key);
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        const retryAfterMs = Math.max(1, res.msBeforeNext);
        throw new KindredError("RATE_LIMITED", {
          message: `${limitWording[name]} Please try again in ${waitWording(retryAfterMs)}.`,
          retryAfterMs,
          details: { limit: name },
        });
      }
    }
  }
}
