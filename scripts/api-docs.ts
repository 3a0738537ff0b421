/**
 * Writes docs/api.md from the contract itself: the route definitions and their
 * zod schemas (src/protocol/rest/), the WebSocket frame unions
 * (src/protocol/ws/), the error catalogue and the limits the server enforces.
 * `npm run docs:api` regenerates it; a test fails when the committed file is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { loadConfig } from "../src/config.js";
import { rateBudgets } from "../src/domain/limits/rate-limits.js";
import { typingIntervalMs } from "../src/gateway/frames.js";
import { maxFrameBytes, wsPath } from "../src/gateway/gateway.js";
import { maxReplay, typingTtlMs } from "../src/gateway/hub.js";
import { errorCatalogue, errorCodes } from "../src/protocol/errors.js";
import type { RouteDef } from "../src/protocol/rest/route.js";
import { routeGroups } from "../src/protocol/rest/routes.js";
import { errorCodesOf } from "../src/protocol/openapi.js";
import { clientFrame } from "../src/protocol/ws/client-frames.js";
import { serverFrame } from "../src/protocol/ws/server-frames.js";
import { workedExample } from "./api-docs-example.js";

type Json = Record<string, any>;

export const apiDocPath = fileURLToPath(new URL("../docs/api.md", import.meta.url));

/** A short, readable type for one JSON Schema node. */
function typeOf(node: Json, defs: Json): string {
  if (node.$ref) return String(node.$ref).split("/").pop()!;
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return node.enum.map((v: unknown) => `\`${JSON.stringify(v)}\``).join(" \\| ");
  if (node.anyOf || node.oneOf) return (node.anyOf ?? node.oneOf).map((n: Json) => typeOf(n, defs)).join(" \\| ");
  if (node.type === "array") return `${typeOf(node.items ?? {}, defs)}[]`;
  if (node.type === "object" && node.additionalProperties && !node.properties) return `{[key]: ${typeOf(node.additionalProperties, defs)}}`;
  if (node.type === "object" && node.properties) return `{${Object.keys(node.properties).join(", ")}}`;
  if (Array.isArray(node.type)) return node.type.join(" \\| ");
  return node.type ?? "any";
}

function notesOf(node: Json): string {
  const notes: string[] = [];
  if (node.description) notes.push(String(node.description).replace(/\.$/, ""));
  // A description that states the length in characters already says it better than the raw bounds.
  const saysLength = /characters/.test(String(node.description ?? ""));
  if (!saysLength && (node.minLength !== undefined || node.maxLength !== undefined)) notes.push(`${node.minLength ?? 0}–${node.maxLength ?? "∞"} characters`);
  if (node.exclusiveMinimum !== undefined) notes.push(`> ${node.exclusiveMinimum}`);
  else if (node.minimum !== undefined || node.maximum !== undefined) {
    if (node.maximum === undefined || node.maximum >= Number.MAX_SAFE_INTEGER) notes.push(`≥ ${node.minimum}`);
    else notes.push(`${node.minimum ?? "−∞"}–${node.maximum}`);
  }
  if (node.minItems !== undefined && node.minItems === node.maxItems) notes.push(`exactly ${node.minItems} items`);
  else if (node.minItems !== undefined || node.maxItems !== undefined) notes.push(`${node.minItems ?? 0}–${node.maxItems ?? "∞"} items`);
  if (node.pattern) notes.push(`pattern \`${node.pattern}\``);
  if (node.default !== undefined) notes.push(`default ${JSON.stringify(node.default)}`);
  return notes.join("; ").replaceAll("|", "\\|");
}

/** A table of an object schema's fields; nested named objects are listed under "Shapes". */
function fieldTable(schema: z.ZodType, io: "input" | "output", shapes: Map<string, Json>): string {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  for (const [name, def] of Object.entries(json.$defs ?? {})) shapes.set(name, def as Json);
  if (json.type !== "object" || !json.properties) return `\`${typeOf(json, json.$defs ?? {})}\`\n`;
  const required = new Set<string>(json.required ?? []);
  const rows = Object.entries(json.properties as Record<string, Json>).map(
    ([name, node]) => `| \`${name}\` | ${typeOf(node, json.$defs ?? {})} | ${required.has(name) ? "yes" : "no"} | ${notesOf(node)} |`,
  );
  if (rows.length === 0) return "`{}` (no fields; unknown ones are refused)\n";
  return ["| field | type | required | notes |", "|---|---|---|---|", ...rows].join("\n") + "\n";
}

function routeSection(route: RouteDef, shapes: Map<string, Json>): string {
  const out: string[] = [`### \`${route.method} ${route.url}\``, "", `${route.summary}.${route.description ? ` ${route.description}` : ""}`, ""];
  out.push(route.access === "member" ? "Needs a session." : "No session needed.", "");
  const parts: Array<[string, z.ZodType | undefined]> = [
    ["Path", route.params],
    ["Query", route.querystring],
    ["Body", route.body],
  ];
  for (const [label, schema] of parts) {
    if (!schema) continue;
    out.push(`**${label}**`, "", fieldTable(schema, "input", shapes));
  }
  for (const [status, schema] of Object.entries(route.response)) {
    if (schema === null) out.push(`**${status}**: no body.`, "");
    else if (route.contentType) out.push(`**${status}**: \`${route.contentType}\`.`, "");
    else out.push(`**${status}**`, "", fieldTable(schema, "output", shapes));
  }
  out.push(
    `Errors: ${errorCodesOf(route)
      .map((c) => `\`${c}\``)
      .join(", ")}.`,
    "",
  );
  return out.join("\n");
}

function frameSection(title: string, union: z.ZodDiscriminatedUnion, io: "input" | "output", shapes: Map<string, Json>): string {
  const out = [`### ${title}`, ""];
  for (const option of union.options as z.ZodObject[]) {
    const op = (option.shape.op as z.ZodLiteral).value as string;
    const description = (z.globalRegistry.get(option)?.description as string | undefined) ?? "";
    out.push(`#### \`${op}\``, "", description, "", fieldTable(option, io, shapes));
  }
  return out.join("\n");
}

function shapesSection(shapes: Map<string, Json>): string {
  const out = ["## Shapes", "", "Objects that appear in many answers and frames.", ""];
  for (const [name, node] of [...shapes].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`### ${name}`, "", node.description ? `${node.description}\n` : "");
    if (node.type !== "object" || !node.properties) {
      out.push(`\`${typeOf(node, {})}\``, "");
      continue;
    }
    const required = new Set<string>(node.required ?? []);
    out.push("| field | type | required | notes |", "|---|---|---|---|");
    for (const [field, child] of Object.entries(node.properties as Record<string, Json>)) {
      out.push(`| \`${field}\` | ${typeOf(child, {})} | ${required.has(field) ? "yes" : "no"} | ${notesOf(child)} |`);
    }
    out.push("");
  }
  return out.join("\n");
}

function errorsSection(): string {
  const rows = errorCodes.map((code) => {
    const entry = errorCatalogue[code];
    return `| \`${code}\` | ${entry.status} | ${entry.retryable ? "yes" : "no"} | ${entry.message} |`;
  });
  return [
    "## Errors",
    "",
    'Every 4xx/5xx body, and every WebSocket `error` frame, is `{"error": {code, message, retryable, retryAfterMs?, details?}}`.',
    "Branch on `code`, never on `message` (it is for people and may change). `BAD_REQUEST` carries `details: {field, problem}` naming the",
    "field (dotted path, e.g. `query.limit`, `since.c1`, or `body`/`frame` for the whole input). `RATE_LIMITED` carries `retryAfterMs`",
    "(and a `Retry-After` header over HTTP) and `details.limit` naming the budget. A wrong method on a known path is `405 METHOD_NOT_ALLOWED`",
    "with an `Allow` header. Malformed JSON, wrong types, unknown fields and over-long strings are `BAD_REQUEST`, never a 500.",
    "",
    "| code | HTTP | retryable | default message |",
    "|---|---|---|---|",
    ...rows,
    "",
    "WebSocket close codes: `1001` server restarting (reconnect and resume), `1009` frame over the size limit, `1011` setup failed,",
    "`1013` too slow a reader (reconnect and resume), `4000` no heartbeat, `4001` session ended (sign in again).",
    "",
  ].join("\n");
}

function limitsSection(): string {
  const defaults = loadConfig([], {});
  const budgets = Object.entries(rateBudgets).map(([name, b]) => `| \`${name}\` | ${b.points} per ${b.durationSec} s | ${b.what} |`);
  return [
    "## Limits",
    "",
    `| limit | value |`,
    `|---|---|`,
    `| request body | ${defaults.maxBodyBytes} bytes (\`MAX_BODY_BYTES\`); more is \`413 PAYLOAD_TOO_LARGE\` |`,
    `| WebSocket frame | ${maxFrameBytes} bytes; more closes the socket with 1009 |`,
    `| message body | 1–4000 characters after trimming |`,
    `| history page | 1–100 events, default 50 |`,
    `| resume replay | up to ${maxReplay} events per conversation; more is a \`gap\` frame |`,
    `| heartbeat | \`hello.heartbeatMs\` (default ${defaults.heartbeatMs} ms); a socket silent for two intervals is closed (4000) |`,
    `| typing | at most one \`typing\` per ${typingIntervalMs / 1000} s per socket is passed on; it shows for ${typingTtlMs / 1000} s |`,
    `| sockets | ${defaults.maxSocketsPerMember} per member, ${defaults.maxSocketsPerAddress} per address (\`MAX_SOCKETS_PER_MEMBER\`, \`MAX_SOCKETS_PER_ADDRESS\`) |`,
    `| small groups made by matching | ${defaults.matchGroupSize} members (\`MATCH_GROUP_SIZE\`) |`,
    "",
    "Rate budgets (each multiplied by `RATE_LIMIT_MULTIPLIER`; shared by every node when `REDIS_URL` is set):",
    "",
    "| budget | allowance | what it limits |",
    "|---|---|---|",
    ...budgets,
    "",
  ].join("\n");
}

export function renderApiDoc(): string {
  const shapes = new Map<string, Json>();
  const routeParts: string[] = [];
  for (const group of Object.values(routeGroups)) {
    const tags = [...new Set(Object.values(group).map((r) => r.tag))];
    for (const tag of tags) {
      routeParts.push(`## ${tag}`, "");
      for (const route of Object.values(group).filter((r) => r.tag === tag)) routeParts.push(routeSection(route, shapes));
    }
  }
  const ws = [
    `## WebSocket: \`GET ${wsPath}\``,
    "",
    "Authenticated on the upgrade, by the session cookie or an `Authorization: Bearer` header; without one: 401 and no socket;",
    "a cookie-authenticated upgrade from a foreign `Origin`: 403. Frames are JSON text. The first frame is `hello`. From then on the",
    "socket receives every new event of every conversation the member belongs to (including ones joined later), each conversation's",
    "events in `seq` order, whether or not it sent `resume`. Every frame a client sends may carry a `ref`, echoed on the `ack`,",
    "`safety` or `error` that answers it.",
    "",
    frameSection("Client → server", clientFrame, "input", shapes),
    frameSection("Server → client", serverFrame, "output", shapes),
  ];
  return [
    "# Kindred API, version 1",
    "",
    "<!-- Generated by `npm run docs:api` from src/protocol/; edit the schemas, not this file. -->",
    "",
    "Everything a client needs: REST under `/api/v1`, one WebSocket for live events, and the rules both follow.",
    "The same contract as an OpenAPI 3.1 document: `GET /api/v1/openapi.json`.",
    "",
    "## Conventions",
    "",
    "- Bodies are JSON (UTF-8). Ids are opaque strings. Times are ISO-8601 UTC strings.",
    "- Objects in requests are strict: an unknown field is `BAD_REQUEST` naming it.",
    "- Authentication: browsers use the session cookie (`kindred_session`, HttpOnly, SameSite=Lax, Secure over TLS) set by",
    "  sign-up, sign-in and recovery; other clients send `Authorization: Bearer <token>` with the same token. A state-changing",
    "  request authenticated by cookie must carry an allowed `Origin` header, or it is `403 FORBIDDEN` and changes nothing.",
    "- Delivery: a message is acknowledged (`ack`, or `201` over REST) only once durably stored; each conversation's events carry",
    "  a gapless `seq` starting at 1; a repeated `clientMsgId` from the same sender gets the original answer and adds nothing.",
    "- Unread counts are `lastSeq − readSeq`, computed by the server; your own messages never count.",
    "",
    errorsSection(),
    limitsSection(),
    workedExample,
    ...routeParts,
    ...ws,
    shapesSection(shapes),
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(apiDocPath, renderApiDoc());
  console.log(`wrote ${apiDocPath}`);
}
