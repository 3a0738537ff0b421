/**
 * Crisis lines and warmlines the organization lists (protocol.md "Safety":
 * GET /api/v1/resources). The list lives in content/resources.json so the
 * organization can make it its own; a fresh instance ships a non-empty one.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const resource = z.strictObject({
  /** ISO 3166 country code, or "*" for everywhere. */
  region: z.string().regex(/^(\*|[A-Z]{2})$/),
  name: z.string().min(1),
  contact: z.string().min(1),
  kind: z.enum(["crisis-line", "warmline", "directory", "peer-support"]),
  note: z.string(),
});

export type Resource = z.infer<typeof resource>;

const resourcesFile = new URL("../../../content/resources.json", import.meta.url);

/** Reads and checks the list at start: a broken file stops the server rather than hiding help. */
export function loadResources(file: URL | string = resourcesFile): Resource[] {
  const list = z.array(resource).min(1).parse(JSON.parse(readFileSync(file, "utf8")));
  return list;
}

/** The resources for a region (those for everywhere included), or all of them. */
export function resourcesFor(all: Resource[], region?: string | null, kinds?: Resource["kind"][]): Resource[] {
  return all.filter((r) => (!region || r.region === "*" || r.region === region) && (!kinds || kinds.includes(r.kind)));
}
