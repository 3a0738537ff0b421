/** One crisis line in the editor: a fieldset of its fields, with its errors beside them (GOV.UK). */
import type { Resource } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/locales";
import { TextField } from "../../ui/TextField";
import type { FieldErrors } from "../../ui/form-errors";
import { type Field, type Line, fieldId, kinds } from "./crisis-line-form";

const kindLabel: Record<Resource["kind"], MessageKey> = {
  "crisis-line": "crisisLines.kind.crisisLine",
  warmline: "crisisLines.kind.warmline",
  "peer-support": "crisisLines.kind.peerSupport",
  directory: "crisisLines.kind.directory",
};

export function CrisisLineFields(props: { line: Line; index: number; errors: FieldErrors; onChange(line: Line): void; onRemove(): void }) {
  const t = useT();
  const { line, index, errors } = props;
  const id = (field: Field) => fieldId(index, field);
  const set = (field: Exclude<Field, "kind">) => (value: string) => props.onChange({ ...props.line, [field]: value });
  const number = index + 1;
  const kindError = errors.get(id("kind"));
  const noteError = errors.get(id("note"));
  return (
    <fieldset className="panel crisis-line">
      <legend>
        {t("crisisLines.lineLegend", { number, name: line.name.trim() || t("crisisLines.newLine") })}
        {line.shipped ? <span className="tag">{t("crisisLines.shipped")}</span> : null}
      </legend>
      <TextField
        id={id("region")}
        label={t("crisisLines.region")}
        hint={t("crisisLines.regionHint")}
        value={line.region}
        onChange={set("region")}
        error={errors.get(id("region"))}
        autoCapitalize="characters"
        maxLength={2}
        className="short-input"
      />
      <TextField id={id("name")} label={t("crisisLines.name")} value={line.name} onChange={set("name")} error={errors.get(id("name"))} />
      <TextField
        id={id("contact")}
        label={t("crisisLines.contact")}
        hint={t("crisisLines.contactHint")}
        value={line.contact}
        onChange={set("contact")}
        error={errors.get(id("contact"))}
      />
      <div className={kindError ? "field has-error" : "field"}>
        <label htmlFor={id("kind")}>{t("crisisLines.kindLabel")}</label>
        {kindError ? (
          <p className="field-error" id={`${id("kind")}-error`}>
            {kindError}
          </p>
        ) : null}
        <select
          id={id("kind")}
          value={line.kind}
          aria-describedby={kindError ? `${id("kind")}-error` : undefined}
          onChange={(event) => props.onChange({ ...line, kind: event.target.value as Resource["kind"] })}
        >
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(kindLabel[kind])}
            </option>
          ))}
        </select>
      </div>
      <div className={noteError ? "field has-error" : "field"}>
        <label htmlFor={id("note")}>{t("crisisLines.note")}</label>
        <p className="hint" id={`${id("note")}-hint`}>
          {t("crisisLines.noteHint")}
        </p>
        {noteError ? (
          <p className="field-error" id={`${id("note")}-error`}>
            {noteError}
          </p>
        ) : null}
        <textarea
          id={id("note")}
          rows={2}
          value={line.note}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? `${id("note")}-hint ${id("note")}-error` : `${id("note")}-hint`}
          onChange={(event) => set("note")(event.target.value)}
        />
      </div>
      <button
        type="button"
        className="button secondary"
        onClick={props.onRemove}
        aria-label={t("crisisLines.removeLabel", { number, name: line.name.trim() || t("crisisLines.newLine") })}
      >
        {t("crisisLines.remove")}
      </button>
    </fieldset>
  );
}
