/**
 * Runs a zod schema over untrusted input and turns the first problem into
 * `BAD_REQUEST` naming the field (protocol.md "Errors").
 */
import type { z } from "zod";
import { badRequest } from "./errors.js";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where = ""): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [where, ...issue.path.map(String)].filter(Boolean).join(".");
  throw badRequest(path, describeIssue(issue));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
    case "invalid_type":
      return `expected ${issue.expected}`;
    case "too_big":
      return issue.origin === "string" ? `at most ${issue.maximum} characters` : `at most ${issue.maximum}`;
    case "too_small":
      return issue.origin === "string" ? `at least ${issue.minimum} characters` : `at least ${issue.minimum}`;
    default:
      return issue.message;
  }
}

