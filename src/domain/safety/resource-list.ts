/**
 * The crisis lines and warmlines an instance offers (protocol.md "Safety"),
 * as every node sees them. Until an administrator replaces the list, the one
 * shipped in content/resources.json is served, each entry marked
 * `default: true`; a replacement is stored in the database, so every node
 * serves it.
 *
 * Each node keeps the current list in memory: the crisis check after a send
 * must answer without a query, so the ack-then-notice order is never held up.
 * The node that replaces the list tells the others (`onReplaced`, carried by
 * the bus), and every node also reloads on a slow timer, so a lost message
 * leaves a node stale for at most `refreshMs`.
 */
import type { Store } from "../../store/database.js";
import type { ResourceInput } from "../../protocol/rest/support.js";
import { type Resource, resourcesFor } from "./resources.js";

export class ResourceList {
  private current: Resource[];

  constructor(
    private readonly db: Store,
    private readonly defaults: Resource[],
    /** Called after this node stored a new list, so the other nodes reload. */
    private readonly onReplaced: () => void = () => {},
  ) {
    this.current = defaults;
  }

  /** Everything listed, as this node last read it. */
  all(): Resource[] {
    return this.current;
  }

  /** The entries for a region and those for everywhere (all of them when no region is known). */
  forRegion(region: string | null | undefined): Resource[] {
    return resourcesFor(this.current, region);
  }

  /** Reads the stored list (or falls back to the shipped one). */
  async reload(): Promise<Resource[]> {
    const rows = await this.db.selectFrom("crisis_resources").select(["region", "name", "contact", "kind", "note"]).orderBy("position").execute();
    this.current = rows.length > 0 ? rows.map((r) => ({ ...r, default: false })) : this.defaults;
    return this.current;
  }

  /** PUT /api/v1/admin/resources, the writing half: the whole list at once, in one transaction. */
  async replace(entries: ResourceInput[]): Promise<Resource[]> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("crisis_resources").execute();
      await trx
        .insertInto("crisis_resources")
        .values(entries.map((e, position) => ({ position, region: e.region, name: e.name, contact: e.contact, kind: e.kind, note: e.note })))
        .execute();
    });
    this.onReplaced();
    return this.reload();
  }
}
