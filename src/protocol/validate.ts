/**
 * Runs a zod schema over untrusted input and turns the first problem into
 * `BAD_REQUEST` naming the field, in plain words a person can act on
 * ("handle is required", "body must be at most 4000 characters"), never
 * "Invalid input". Used by the HTTP routes (as Fastify's validator) and by the
 * WebSocket gateway, so both say the same thing.
 */
import type { z } from "zod";
import { type KindredError, badRequest } from "./errors.js";

/** `where` prefixes field paths ("query.limit"); `whole` names the input itself when the problem is its shape. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where = "", whole = "body"): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(result.error, where, whole);
}

/** The first issue of a failed parse, as BAD_REQUEST with `details.field` set to the dotted path. */
export function validationError(error: z.ZodError, where = "", whole = "body"): KindredError {
  const issue = error.issues[0]!;
  const path = [where, ...issue.path.map(String)];
  if (issue.code === "unrecognized_keys") path.push(issue.keys[0]!);
  const field = path.filter(Boolean).join(".") || whole;
  return badRequest(field, describeIssue(issue));
}

const missing = /received undefined$/;

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return "is not a field this accepts";
    case "invalid_type":
      return missing.test(issue.message) ? "is required" : `must be ${article(issue.expected)}`;
    case "invalid_union":
      if ("options" in issue && issue.options) return `must be one of: ${issue.options.map(String).join(", ")}`;
      return issue.errors.every((branch) => branch.some((i) => missing.test(i.message))) ? "is required" : "is not in a form this accepts";
    case "invalid_value":
      if (isCustom(issue.message)) return issue.message;
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of: ${issue.values.join(", ")}`;
    case "too_big":
      return `must be at most ${String(issue.maximum)}${unitOf(issue.origin)}`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "must not be empty";
      return `must be at least ${String(issue.minimum)}${unitOf(issue.origin)}`;
    case "invalid_format":
      return isCustom(issue.message) ? `must be ${issue.message}` : "is not in the expected format";
    default:
      return issue.message;
  }
}

/** Zod's own messages start like this; ours (given in the schemas) are already plain words. */
function isCustom(message: string): boolean {
  return !/^(Invalid|Too |Unrecognized)/.test(message);
}

function unitOf(origin: string): string {
  if (origin === "string") return " characters";
  if (origin === "array" || origin === "set") return " items";
  return "";
}

function article(expected: string): string {
  if (expected === "object" || expected === "array" || expected === "integer") return `an ${expected}`;
  return `a ${expected}`;
}
