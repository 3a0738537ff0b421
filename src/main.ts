/**
 * `npm start`: reads the configuration, opens the store (migrating it), serves
 * HTTP, and shuts down cleanly on SIGTERM/SIGINT: stop accepting, finish the
 * requests in flight, close the database.
 */
import { ConfigError, describeConfig, loadConfig } from "./config.js";
import { buildApp } from "./app.js";
import { sqliteDriver } from "./store/sqlite-connection.js";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`kindred: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const { app } = await buildApp(config);
  const store = config.databaseUrl ? "postgresql" : `sqlite via ${sqliteDriver}`;
  app.log.info({ config: describeConfig(config), store, node: process.version }, "effective configuration");
  await app.listen({ port: config.port, host: config.host });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down");
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, "error while shutting down");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((err: unknown) => {
  console.error("kindred: could not start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
