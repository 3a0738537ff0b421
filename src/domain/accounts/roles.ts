/**
 * Roles an organization grants after its own process (product.md): supporter
 * (the peer-supporter badge), moderator, admin. Every member is a member; the
 * other roles are granted and revoked by the operator's command line.
 */
import { KindredError } from "../../protocol/errors.js";
import type { Store } from "../../store/database.js";
import type { Role, UserRow } from "../../store/schema.js";
import { handleKey } from "./handle.js";

export const roles: readonly Role[] = ["supporter", "moderator", "admin"];

export async function rolesOf(db: Store, userId: string): Promise<Role[]> {
  const rows = await db.selectFrom("user_roles").select("role").where("user_id", "=", userId).execute();
  return rows.map((r) => r.role);
}

async function requireHandle(db: Store, handle: string): Promise<UserRow> {
  const user = await db.selectFrom("users").selectAll().where("handle_key", "=", handleKey(handle)).executeTakeFirst();
  if (!user) throw new KindredError("NOT_FOUND", { message: `No member has the handle "${handle}".` });
  return user;
}

/** Grants a role; granting one the member already has changes nothing. */
export async function grantRole(db: Store, handle: string, role: Role, now = Date.now()): Promise<UserRow> {
  const user = await requireHandle(db, handle);
  await db
    .insertInto("user_roles")
    .values({ user_id: user.id, role, granted_at: now })
    .onConflict((oc) => oc.columns(["user_id", "role"]).doNothing())
    .execute();
  return user;
}

/** Revokes a role. A supporter losing the badge also goes off duty. */
export async function revokeRole(db: Store, handle: string, role: Role): Promise<UserRow> {
  const user = await requireHandle(db, handle);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("user_roles").where("user_id", "=", user.id).where("role", "=", role).execute();
    if (role === "supporter") await trx.updateTable("users").set({ on_duty: 0 }).where("id", "=", user.id).execute();
  });
  return user;
}
