/**
 * The PostgreSQL + Redis suite runs when DATABASE_URL and REDIS_URL are set
 * (`.ci/run` points them at this machine's services). Each test gets its own
 * PostgreSQL database, so runs never see each other's rows.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { ConfigKey } from "../../src/config.js";
import { startServer } from "./server.js";

export const scaleOutUrls =
  process.env.DATABASE_URL && process.env.REDIS_URL ? { databaseUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL } : undefined;

export const skipScaleOut = scaleOutUrls ? false : "DATABASE_URL and REDIS_URL are not set";

if (!scaleOutUrls) console.log("skipped: PostgreSQL + Redis suite (DATABASE_URL and REDIS_URL are not set)");

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the same server as `baseUrl`. */
export async function freshDatabase(baseUrl: string): Promise<TestDatabase> {
  const name = `kindred_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Two Kindred nodes sharing one fresh PostgreSQL database and one Redis, as an operator scales out. */
export async function startTwoNodes(settings: Partial<Record<ConfigKey, string>> = {}) {
  const database = await freshDatabase(scaleOutUrls!.databaseUrl);
  const shared = {
    databaseUrl: database.url,
    redisUrl: scaleOutUrls!.redisUrl,
    redisKeyPrefix: `kindred-test:${randomBytes(6).toString("hex")}:`,
    ...settings,
  };
  const node1 = await startServer(shared);
  const node2 = await startServer(shared);
  return {
    database,
    node1,
    node2,
    async close() {
      await node1.close();
      await node2.close();
      await database.drop();
    },
  };
}
