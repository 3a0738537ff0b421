/**
 * The crisis lines and warmlines Kindred ships with (content/resources.json),
 * served until an administrator replaces them (resource-list.ts); a fresh
 * instance always has a non-empty list.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const shippedEntry = z.strictObject({
  /** ISO 3166 country code, or "*" for everywhere. */
  region: z.string().regex(/^(\*|[A-Z]{2})$/),
  name: z.string().min(1),
  contact: z.string().min(1),
  kind: z.enum(["crisis-line", "warmline", "directory", "peer-support"]),
  note: z.string(),
});

/** A line as offered to members; `default` is true for the shipped list, false for an administrator's. */
export type Resource = z.infer<typeof shippedEntry> & { default: boolean };

const resourcesFile = new URL("../../../content/resources.json", import.meta.url);

/** Reads and checks the shipped list at start: a broken file stops the server rather than hiding help. */
export function loadResources(file: URL | string = resourcesFile): Resource[] {
  const list = z
    .array(shippedEntry)
    .min(1)
    .parse(JSON.parse(readFileSync(file, "utf8")));
  return list.map((entry) => ({ ...entry, default: true }));
}

/** The resources for a region (those for everywhere included), or all of them. */
export function resourcesFor<R extends Resource>(all: R[], region?: string | null, kinds?: Resource["kind"][]): R[] {
  return all.filter((r) => (!region || r.region === "*" || r.region === region) && (!kinds || kinds.includes(r.kind)));
}
