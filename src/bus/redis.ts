/**
 * The shared Redis connection, when REDIS_URL is set: rate-limit counters now,
 * fan-out and presence as they arrive. Without it everything stays in-process.
 */
import { Redis } from "ioredis";

export function openRedis(url: string, onError: (err: Error) => void): Redis {
  const redis = new Redis(url, {
    // Fail a command quickly while Redis is away instead of queueing it forever.
    maxRetriesPerRequest: 2,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
  redis.on("error", onError);
  return redis;
}

/** For /readyz: does Redis answer within a second? */
export async function redisIsReachable(redis: Redis): Promise<boolean> {
  try {
    const answer = await Promise.race([redis.ping(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 1_000).unref())]);
    return answer === "PONG";
  } catch {
    return false;
  }
}
