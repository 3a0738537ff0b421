/**
 * Queries on the hot path of a send, built with Kysely once per dialect (so
 * the SQL is exactly what the builder makes for SQLite or PostgreSQL) and then
 * run many times with new parameters, skipping the builder and compiler, which
 * cost about a quarter of the server's CPU per message.
 *
 * The builder is called with placeholder values; their positions in the
 * compiled parameter list say where each argument goes.
 */
import { type Compilable, CompiledQuery, type QueryResult } from "kysely";
import type { Store } from "./database.js";

const placeholder = (i: number) => `\u0000kindred-param-${i}\u0000`;

interface Template {
  sql: string;
  order: number[];
}

export interface Prepared<R, A extends unknown[]> {
  run(db: Store, ...args: A): Promise<QueryResult<R>>;
}

export function prepared<R, A extends unknown[]>(arity: A["length"], build: (db: Store, ...args: A) => Compilable<R>): Prepared<R, A> {
  const templates = new Map<unknown, Template>();
  const templateFor = (db: Store): Template => {
    // One template per dialect: a transaction shares its database's adapter class.
    const dialect = db.getExecutor().adapter.constructor;
    let template = templates.get(dialect);
    if (!template) {
      const markers = Array.from({ length: arity }, (_, i) => placeholder(i)) as unknown as A;
      const compiled = build(db, ...markers).compile();
      const order = compiled.parameters.map((value) => {
        const index = (markers as unknown[]).indexOf(value);
        if (index < 0) throw new Error(`prepared query has a fixed parameter: ${String(value)}`);
        return index;
      });
      template = { sql: compiled.sql, order };
      templates.set(dialect, template);
    }
    return template;
  };
  return {
    run(db, ...args) {
      const { sql, order } = templateFor(db);
      return db.executeQuery<R>(
        CompiledQuery.raw(
          sql,
          order.map((i) => args[i]),
        ),
      );
    },
  };
}
