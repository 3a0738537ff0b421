/**
 * A real Kindred server for a test: its own data directory (a real SQLite file),
 * an ephemeral port on 127.0.0.1, and every log line captured so tests can check
 * what was (and was not) logged.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { Kindred } from "../../src/app.js";
import { type ConfigKey, loadConfig } from "../../src/config.js";
import { buildApp } from "../../src/app.js";

export interface TestServer {
  app: FastifyInstance;
  services: Kindred["services"];
  url: string;
  origin: string;
  dataDir: string;
  logs: string[];
  close(): Promise<void>;
}

/** Cheap argon2 parameters so tests run quickly; one test checks the real default cost. */
export const fastHashing: Partial<Record<ConfigKey, string>> = { argon2MemoryKib: "1024", argon2TimeCost: "1" };

/** A fresh data directory, for tests that restart a server on the same files. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "kindred-test-"));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function startServer(settings: Partial<Record<ConfigKey, string>> = {}): Promise<TestServer> {
  const dataDir = settings.dataDir ?? tempDataDir();
  // Loopback tests send many requests from one address: limits are raised unless a test sets them.
  // Redis outlives test runs: each server gets its own key prefix so counters never carry over.
  const redisKeyPrefix = `kindred-test:${randomBytes(6).toString("hex")}:`;
  const config = loadConfig([], {}, { port: "0", logLevel: "info", rateLimitMultiplier: "1000", redisKeyPrefix, ...fastHashing, ...settings, dataDir });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const { app, services } = await buildApp(config, { logStream });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    app,
    services,
    url: origin,
    origin,
    dataDir,
    logs,
    async close() {
      await app.close();
      if (!settings.dataDir) removeDataDir(dataDir);
    },
  };
}
