import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ConfigError, configKeys, describeConfig, envName, flagName, loadConfig } from "./config.js";

test("defaults match protocol.md 'Running an instance'", () => {
  const config = loadConfig([], {});
  assert.equal(config.port, 8080);
  assert.equal(config.host, "127.0.0.1");
  assert.equal(config.dataDir, "./data");
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.redisUrl, undefined);
  assert.equal(config.allowedOrigins, undefined);
  assert.equal(config.rateLimitMultiplier, 1);
  assert.equal(config.argon2MemoryKib, 65536);
  assert.equal(config.argon2TimeCost, 3);
  assert.equal(config.argon2Parallelism, 1);
});

test("the fixed variable names exist, each with a matching --flag", () => {
  for (const name of ["PORT", "HOST", "DATA_DIR", "DATABASE_URL", "REDIS_URL", "ALLOWED_ORIGINS", "RATE_LIMIT_MULTIPLIER"]) {
    const key = configKeys.find((k) => envName(k) === name);
    assert.ok(key, name);
    assert.equal(flagName(key), name.toLowerCase().replaceAll("_", "-"));
  }
});

test("flags win over the environment, which wins over defaults", () => {
  const env = { PORT: "9000", DATA_DIR: "/tmp/k", ALLOWED_ORIGINS: "https://a.example, https://b.example/path" };
  const config = loadConfig(["--port", "9100", "--rate-limit-multiplier=1000"], env);
  assert.equal(config.port, 9100);
  assert.equal(config.dataDir, "/tmp/k");
  assert.equal(config.rateLimitMultiplier, 1000);
  assert.deepEqual(config.allowedOrigins, ["https://a.example", "https://b.example"]);
});

test("a bad value stops boot with a message naming the setting", () => {
  const cases: Array<[string[], Record<string, string>, RegExp]> = [
    [[], { PORT: "eighty" }, /PORT \(--port\)/],
    [[], { PORT: "70000" }, /PORT/],
    [[], { DATABASE_URL: "mysql://x" }, /DATABASE_URL/],
    [[], { REDIS_URL: "http://x" }, /REDIS_URL/],
    [[], { ALLOWED_ORIGINS: "not a url" }, /ALLOWED_ORIGINS/],
    [[], { RATE_LIMIT_MULTIPLIER: "-1" }, /RATE_LIMIT_MULTIPLIER/],
    [[], { LOG_LEVEL: "loud" }, /LOG_LEVEL/],
    [["--no-such-flag", "1"], {}, /option/i],
  ];
  for (const [argv, env, pattern] of cases) {
    assert.throws(
      () => loadConfig(argv, env),
      (err: unknown) => err instanceof ConfigError && pattern.test(err.message),
      JSON.stringify(env),
    );
  }
});

test("secrets in URLs are masked when the configuration is printed", () => {
  const config = loadConfig([], {
    DATABASE_URL: "postgres://kindred:s3cret-pw@db.internal:5432/kindred",
    REDIS_URL: "redis://:r3dis-pw@cache.internal:6379",
  });
  const printed = JSON.stringify(describeConfig(config));
  assert.ok(!printed.includes("s3cret-pw"));
  assert.ok(!printed.includes("r3dis-pw"));
  assert.match(printed, /db\.internal/);
});

test("the metrics token is checked and never printed; probes are not logged by default", () => {
  assert.equal(loadConfig([], {}).logProbes, false);
  assert.equal(loadConfig(["--log-probes", "true"], {}).logProbes, true);
  assert.throws(() => loadConfig([], { METRICS_TOKEN: "short" }), /METRICS_TOKEN/);
  const config = loadConfig([], { METRICS_TOKEN: "scheme:looks-like-a-url-0123" });
  assert.equal(config.metricsToken, "scheme:looks-like-a-url-0123");
  const printed = JSON.stringify(describeConfig(config));
  assert.ok(!printed.includes("looks-like-a-url"), printed);
});

test("every option is read somewhere outside the config module", () => {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith(".ts") && !path.endsWith(".test.ts") && !path.endsWith("config.ts")) sources.push(readFileSync(path, "utf8"));
    }
  };
  walk(new URL(".", import.meta.url).pathname);
  const all = sources.join("\n");
  for (const key of configKeys) {
    assert.match(all, new RegExp(`config\\.${key}\\b`), `config.${key} is never read`);
  }
});
