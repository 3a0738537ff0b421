/** The public `user` object (protocol.md "Authentication"). */
import type { Role, UserRow } from "../../store/schema.js";

export interface UserView {
  id: string;
  handle: string;
  displayName: string | null;
  about: string | null;
  experiences: string[];
  languages: string[];
  availability: UserRow["availability"];
  region: string | null;
  onDuty: boolean;
  roles: Array<"member" | Role>;
  createdAt: string;
}

const roleOrder: Role[] = ["supporter", "moderator", "admin"];

export function toUserView(row: UserRow, roles: Role[], experiences: string[], languages: string[]): UserView {
  return {
    id: row.id,
    handle: row.handle,
    displayName: row.display_name,
    about: row.about,
    experiences,
    languages,
    availability: row.availability,
    region: row.region,
    onDuty: row.on_duty === 1,
    roles: ["member", ...roleOrder.filter((r) => roles.includes(r))],
    createdAt: new Date(row.created_at).toISOString(),
  };
}
