/**
 * Administrators: the crisis lines and warmlines members are shown, by region. List, add, edit,
 * remove, then save the whole list (PUT /api/v1/admin/resources), which replaces it for every
 * node at once. The lines Kindred ships with are marked as such until the first save. Errors are
 * shown the GOV.UK way: a summary that takes focus, and each message beside its field, whether
 * found here or named by the server (`details.field`, e.g. `resources.2.contact`).
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { api } from "../../api/client";
import { ApiError } from "../../api/errors";
import { useT } from "../../i18n/I18nProvider";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { type FieldErrors, generalErrorMessage } from "../../ui/form-errors";
import { Page } from "../../ui/Page";
import { useMe } from "../auth/session";
import { CrisisLineFields } from "./CrisisLineFields";
import { type Line, blankLine, checkLines, fieldId, fieldIdFromServer, lineFrom, toInput } from "./crisis-line-form";

export default function CrisisLines() {
  const t = useT();
  const me = useMe();
  const client = useQueryClient();
  const current = useQuery({ queryKey: ["resources", "all"], queryFn: () => api.resources() });
  const [lines, setLines] = useState<Line[] | null>(null);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const [focusField, setFocusField] = useState<{ id: string } | null>(null);

  useEffect(() => {
    if (current.data && lines === null) setLines(current.data.resources.map(lineFrom));
  }, [current.data, lines]);

  useEffect(() => {
    if (focusField) document.getElementById(focusField.id)?.focus();
  }, [focusField]);

  if (!me.data?.roles.includes("admin")) {
    return (
      <Page title={t("crisisLines.title")}>
        <p>{t("crisisLines.adminsOnly")}</p>
      </Page>
    );
  }

  const list = lines ?? [];
  const shipped = list.some((line) => line.shipped);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt(attempt + 1);
    setStatus("");
    setGeneral(null);
    const found = checkLines(list, t);
    setErrors(found);
    if (list.length === 0) {
      setGeneral(t("crisisLines.errors.empty"));
      return;
    }
    if (found.size > 0) return;
    setBusy(true);
    try {
      const saved = await api.replaceResources(list.map(toInput));
      setLines(saved.resources.map(lineFrom));
      setStatus(t("crisisLines.saved", { count: saved.resources.length }));
      await client.invalidateQueries({ queryKey: ["resources"] });
    } catch (error) {
      const field = error instanceof ApiError ? fieldIdFromServer(error.field) : undefined;
      if (field) setErrors(new Map([[field, t("crisisLines.errors.server")]]));
      else setGeneral(generalErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t("crisisLines.title")}>
      <form noValidate onSubmit={save}>
        <ErrorSummary errors={errors} attempt={attempt} general={general} />
        <p>{t("crisisLines.intro")}</p>
        {shipped ? <p className="calm-panel">{t("crisisLines.shippedNote")}</p> : null}
        {current.isPending ? <p>{t("app.loading")}</p> : null}
        {current.isError ? <p>{generalErrorMessage(current.error, t)}</p> : null}
        {list.map((line, index) => (
          <CrisisLineFields
            key={line.key}
            line={line}
            index={index}
            errors={errors}
            onChange={(changed) => setLines(list.map((l) => (l.key === line.key ? changed : l)))}
            onRemove={() => {
              setLines(list.filter((l) => l.key !== line.key));
              // Errors are by position: the ones after this line no longer point at the right field.
              setErrors(new Map());
              setStatus(t("crisisLines.removed", { name: line.name.trim() || t("crisisLines.newLine") }));
              setFocusField({ id: "add-line" });
            }}
          />
        ))}
        <div className="actions">
          <button
            type="button"
            id="add-line"
            className="button secondary"
            onClick={() => {
              setLines([...list, blankLine()]);
              setFocusField({ id: fieldId(list.length, "region") });
            }}
          >
            {t("crisisLines.add")}
          </button>
          <button type="submit" className="button">
            {busy ? t("crisisLines.saving") : t("crisisLines.save")}
          </button>
        </div>
        <p role="status">{status}</p>
      </form>
    </Page>
  );
}
