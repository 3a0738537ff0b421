/**
 * The crisis-lines editor's data: entries as typed, checked with the same rules as the server
 * (src/protocol/rest/support.ts `resourceInput`), so most mistakes are shown before saving; the
 * server's `details.field` (e.g. `resources.2.contact`) maps to the same field ids.
 */
import type { Resource, ResourceInput } from "../../api/types";
import type { Translate } from "../../i18n/I18nProvider";
import type { FieldErrors } from "../../ui/form-errors";

export const kinds = ["crisis-line", "warmline", "peer-support", "directory"] as const satisfies readonly Resource["kind"][];
export type Field = "region" | "name" | "contact" | "kind" | "note";
export const fields: readonly Field[] = ["region", "name", "contact", "kind", "note"];

export interface Line {
  key: number;
  region: string;
  name: string;
  contact: string;
  kind: Resource["kind"];
  note: string;
  /** Shipped with Kindred, not yet replaced by the organization's own list. */
  shipped: boolean;
}

let nextKey = 1;

export function lineFrom(resource: Resource): Line {
  return {
    key: nextKey++,
    region: resource.region,
    name: resource.name,
    contact: resource.contact,
    kind: resource.kind,
    note: resource.note,
    shipped: resource.default,
  };
}

export function blankLine(): Line {
  return { key: nextKey++, region: "", name: "", contact: "", kind: "crisis-line", note: "", shipped: false };
}

export function fieldId(index: number, field: Field): string {
  return `resources-${index}-${field}`;
}

/** `resources.2.contact` → `resources-2-contact`, when it names a field of the editor. */
export function fieldIdFromServer(path: string | undefined): string | undefined {
  const match = /^resources\.(\d+)\.(region|name|contact|kind|note)$/.exec(path ?? "");
  return match ? fieldId(Number(match[1]), match[2] as Field) : undefined;
}

const length = (text: string) => [...text.trim()].length;

/** The message for one field, or undefined when it is fine. */
export function problemWith(line: Line, field: Field, t: Translate): string | undefined {
  switch (field) {
    case "region":
      return /^(\*|[A-Z]{2})$/.test(line.region.trim()) ? undefined : t("crisisLines.errors.region");
    case "name":
      if (length(line.name) === 0) return t("crisisLines.errors.nameMissing");
      return length(line.name) > 200 ? t("crisisLines.errors.tooLong", { max: 200 }) : undefined;
    case "contact":
      if (length(line.contact) === 0) return t("crisisLines.errors.contactMissing");
      return length(line.contact) > 200 ? t("crisisLines.errors.tooLong", { max: 200 }) : undefined;
    case "kind":
      return (kinds as readonly string[]).includes(line.kind) ? undefined : t("crisisLines.errors.kind");
    case "note":
      return length(line.note) > 1000 ? t("crisisLines.errors.tooLong", { max: 1000 }) : undefined;
  }
}

export function checkLines(lines: Line[], t: Translate): FieldErrors {
  const errors: FieldErrors = new Map();
  lines.forEach((line, index) => {
    for (const field of fields) {
      const problem = problemWith(line, field, t);
      if (problem) errors.set(fieldId(index, field), problem);
    }
  });
  return errors;
}

export function toInput(line: Line): ResourceInput {
  return { region: line.region.trim(), name: line.name.trim(), contact: line.contact.trim(), kind: line.kind, note: line.note.trim() };
}
