/**
 * Rate limits on the routes that hash passwords (OWASP Authentication Cheat
 * Sheet: throttle per address and per account). They are consumed before any
 * hashing, so a flood costs us a counter, not an argon2 run. Every budget is
 * multiplied by RATE_LIMIT_MULTIPLIER.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { KindredError } from "../protocol/errors.js";

interface Budget {
  points: number;
  durationSec: number;
}

const budgets = {
  signUpPerAddress: { points: 20, durationSec: 3600 },
  signInPerAddress: { points: 30, durationSec: 900 },
  signInPerHandle: { points: 10, durationSec: 900 },
  recoverPerAddress: { points: 10, durationSec: 3600 },
  recoverPerHandle: { points: 5, durationSec: 3600 },
} satisfies Record<string, Budget>;

export type LimitName = keyof typeof budgets;

export class RateLimits {
  private readonly limiters: Record<LimitName, RateLimiterMemory>;

  constructor(multiplier: number) {
    this.limiters = Object.fromEntries(
      Object.entries(budgets).map(([name, b]) => [
        name,
        new RateLimiterMemory({ keyPrefix: name, points: Math.max(1, Math.round(b.points * multiplier)), duration: b.durationSec }),
      ]),
    ) as Record<LimitName, RateLimiterMemory>;
  }

  /** Takes one point from each named budget; throws RATE_LIMITED with the wait when one is spent. */
  async consume(...checks: Array<[LimitName, string]>): Promise<void> {
    for (const [name, key] of checks) {
      try {
        await this.limiters[name].consume(key);
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        throw new KindredError("RATE_LIMITED", { retryAfterMs: Math.max(1, res.msBeforeNext) });
      }
    }
  }
}
